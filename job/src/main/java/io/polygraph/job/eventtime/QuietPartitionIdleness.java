package io.polygraph.job.eventtime;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.RelativeClock;

/**
 * Idleness for one source partition: it stops holding the watermark back when it has read nothing
 * for {@code idleness} while the rest of the job was reading, or for {@code outageIdleness} in any
 * case. Otherwise it passes its watermarks on, like Flink's {@code WatermarksWithIdleness}.
 *
 * <p>Silence is counted on two clocks, both of which stand still while this partition's source is
 * backpressured (Flink's input activity clock), so that a stalled input is never mistaken for a
 * quiet one:
 *
 * <ul>
 *   <li>for {@code idleness}, only while the job is also reading elsewhere ({@link
 *       JobReadingClock}): a quiet topic next to busy ones goes idle after {@code idleness}, but
 *       while no input is read at all (the broker is down, every producer paused) no partition
 *       does, and when reading resumes the sources start from the watermarks they had;
 *   <li>for {@code outageIdleness}, whatever the rest of the job does: the bound on how long a
 *       partition can hold the watermark back when nothing else in its JVM reads (a TaskManager
 *       whose partitions are all silent), and therefore the longest outage ridden out without late
 *       records.
 * </ul>
 *
 * <p>Reading is reported to the job's clock once per watermark interval, not per record.
 */
public final class QuietPartitionIdleness<T> implements WatermarkGenerator<T> {

    private final WatermarkGenerator<T> watermarks;
    private final long idlenessNanos;
    private final long outageIdlenessNanos;
    private final JobReadingClock jobReading;
    private final RelativeClock inputActivity;

    private boolean readSinceLastEmit;
    private boolean idle;
    private long quietWhileJobReadsNanos;
    private long silentNanos;
    private long lastJobReadingNanos;
    private long lastInputActivityNanos;

    /**
     * Idleness around {@code watermarks}.
     *
     * @param idleness silence, while the job reads elsewhere, after which the partition is idle
     * @param outageIdleness silence after which the partition is idle whatever the job does; not
     *     shorter than {@code idleness}
     * @param jobReading the job's reading clock in this JVM
     * @param inputActivity the source's input activity clock (stops under backpressure)
     */
    public QuietPartitionIdleness(
            WatermarkGenerator<T> watermarks,
            Duration idleness,
            Duration outageIdleness,
            JobReadingClock jobReading,
            RelativeClock inputActivity) {
        if (outageIdleness.compareTo(idleness) < 0) {
            throw new IllegalArgumentException(
                    "outageIdleness " + outageIdleness + " is shorter than idleness " + idleness);
        }
        this.watermarks = watermarks;
        this.idlenessNanos = idleness.toNanos();
        this.outageIdlenessNanos = outageIdleness.toNanos();
        this.jobReading = jobReading;
        this.inputActivity = inputActivity;
        this.lastJobReadingNanos = jobReading.relativeTimeNanos();
        this.lastInputActivityNanos = inputActivity.relativeTimeNanos();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        watermarks.onEvent(event, eventTimestamp, output);
        readSinceLastEmit = true;
        idle = false;
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long jobNow = jobReading.relativeTimeNanos();
        long inputNow = inputActivity.relativeTimeNanos();
        long jobElapsed = jobNow - lastJobReadingNanos;
        long inputElapsed = inputNow - lastInputActivityNanos;
        lastJobReadingNanos = jobNow;
        lastInputActivityNanos = inputNow;
        if (readSinceLastEmit) {
            readSinceLastEmit = false;
            jobReading.reportReading();
            quietWhileJobReadsNanos = 0;
            silentNanos = 0;
        } else {
            // Both clocks must have run: the job read elsewhere while this source could read.
            quietWhileJobReadsNanos += Math.min(jobElapsed, inputElapsed);
            silentNanos += inputElapsed;
        }
        if (quietWhileJobReadsNanos >= idlenessNanos || silentNanos >= outageIdlenessNanos) {
            if (!idle) {
                idle = true;
                output.markIdle();
            }
        } else {
            watermarks.onPeriodicEmit(output);
        }
    }
}
