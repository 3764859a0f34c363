package io.polygraph.job.eventtime;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.RelativeClock;

/**
 * Idleness for one source partition that an outage of the input cannot trigger: the partition stops
 * holding the watermark back after reading nothing for {@code idleness}, counted only while its
 * source could read. Otherwise it passes its watermarks on, like Flink's {@code
 * WatermarksWithIdleness}.
 *
 * <p>Why not Flink's idleness: during a broker outage every partition reads nothing, so all of them
 * go idle; when the broker is back, whichever partition fetches first moves the job's watermark
 * alone, and the records the others fetch a moment later are behind it (the join dead-letters them
 * as late). Here silence counts neither while the source is backpressured (Flink's input activity
 * clock stands still) nor while the input is unreachable ({@link InputReachability}), and when the
 * input becomes reachable again every partition starts afresh: one that was idle before the outage
 * holds the watermark again, from where it was, until it reads or stays silent for another {@code
 * idleness}. After an outage the job's watermark therefore waits for the slowest partition to catch
 * up, for at most {@code idleness}, instead of running ahead of it.
 */
public final class OutageAwareIdleness<T> implements WatermarkGenerator<T> {

    /** Periodic checks that must find a partition silent before it can go idle. */
    static final int MIN_SILENT_CHECKS = 5;

    private final WatermarkGenerator<T> watermarks;
    private final long idlenessNanos;
    private final long maxSilencePerCheckNanos;
    private final InputReachability reachability;
    private final RelativeClock inputActivity;

    private boolean readSinceLastEmit;
    private boolean idle;
    private long silentNanos;
    private long lastInputActivityNanos;
    private long reachableSince;

    /**
     * Idleness around {@code watermarks}.
     *
     * @param idleness silence, while the source could read and the input is reachable, after which
     *     the partition is idle
     * @param reachability whether the input can be read at all
     * @param inputActivity the source's input activity clock (stops under backpressure)
     */
    public OutageAwareIdleness(
            WatermarkGenerator<T> watermarks,
            Duration idleness,
            InputReachability reachability,
            RelativeClock inputActivity) {
        if (idleness.isNegative() || idleness.isZero()) {
            throw new IllegalArgumentException("idleness must be positive: " + idleness);
        }
        this.watermarks = watermarks;
        this.idlenessNanos = idleness.toNanos();
        this.maxSilencePerCheckNanos = Math.max(1, idlenessNanos / MIN_SILENT_CHECKS);
        this.reachability = reachability;
        this.inputActivity = inputActivity;
        this.lastInputActivityNanos = inputActivity.relativeTimeNanos();
        this.reachableSince = reachability.reachableSince();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        watermarks.onEvent(event, eventTimestamp, output);
        readSinceLastEmit = true;
        idle = false;
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long inputNow = inputActivity.relativeTimeNanos();
        long inputElapsed = inputNow - lastInputActivityNanos;
        lastInputActivityNanos = inputNow;
        long since = reachability.reachableSince();
        if (readSinceLastEmit) {
            readSinceLastEmit = false;
            silentNanos = 0;
        } else if (since == InputReachability.UNREACHABLE) {
            // An outage: nothing can be read, so the silence says nothing about this partition.
        } else if (since != reachableSince) {
            // Reachable again: every partition holds the watermark until it has had its chance.
            silentNanos = 0;
            idle = false;
        } else {
            // At most a fifth of the idleness per check: a source thread that could not run for
            // a while (a starved CPU, a blocking emit that the activity clock did not see) was
            // not given the chance to read, so its gap alone must not make the partition idle.
            silentNanos += Math.min(inputElapsed, maxSilencePerCheckNanos);
        }
        reachableSince = since;
        if (silentNanos >= idlenessNanos) {
            if (!idle) {
                idle = true;
                output.markIdle();
            }
        } else {
            watermarks.onPeriodicEmit(output);
        }
    }
}
