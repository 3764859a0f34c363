package io.polygraph.job.eventtime;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.flink.util.clock.RelativeClock;

/**
 * A clock that runs only while the job is reading: it advances while some source partition of the
 * job, in this JVM, has read a record within the last {@code gap}, and stands still otherwise.
 *
 * <p>Why: idleness measured on the wall clock cannot tell a quiet topic from an input that nobody
 * can read. While the Kafka broker is unreachable every partition is silent, so after the idleness
 * every partition would be declared idle; when the broker came back, whichever source fetched first
 * would move the join's watermark on its own and the transactions read after it would be late.
 * Measured on this clock, silence counts only while other inputs of the job are being read: a
 * profiles topic that is quiet while transactions flow goes idle as before, but an outage, or a
 * pause of every input at once, stops the count for all partitions alike.
 *
 * <p>One clock per job and JVM ({@link #of}), shared by the watermark generators of every split of
 * every source subtask running there. Each generator reports its reading once per watermark
 * interval rather than per record, so the shared lock is taken a few times per second per split.
 */
public final class JobReadingClock implements RelativeClock {

    private static final Map<String, WeakReference<JobReadingClock>> CLOCKS =
            new ConcurrentHashMap<>();

    private final long gapNanos;
    private final LongSupplier nanoTime;

    /** Running time counted so far. */
    private long elapsedNanos;

    /** Wall time (of {@link #nanoTime}) up to which {@link #elapsedNanos} is counted. */
    private long countedUpToNanos;

    /** When reading was last reported; the clock runs until {@code gap} after it. */
    private long lastReadingNanos;

    private boolean everRead;

    JobReadingClock(Duration gap, LongSupplier nanoTime) {
        if (gap.isNegative() || gap.isZero()) {
            throw new IllegalArgumentException("gap must be positive, was " + gap);
        }
        this.gapNanos = gap.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * The clock of job {@code jobKey} in this JVM, created with {@code gap} by the first caller.
     * Kept as long as a generator holds it: a job that ends leaves nothing behind but a cleared
     * reference, removed by the next lookup.
     */
    public static JobReadingClock of(String jobKey, Duration gap) {
        CLOCKS.values().removeIf(reference -> reference.get() == null);
        JobReadingClock[] found = new JobReadingClock[1];
        CLOCKS.compute(
                jobKey,
                (key, reference) -> {
                    JobReadingClock existing = reference == null ? null : reference.get();
                    found[0] =
                            existing != null
                                    ? existing
                                    : new JobReadingClock(gap, System::nanoTime);
                    return existing != null ? reference : new WeakReference<>(found[0]);
                });
        return found[0];
    }

    /** A source partition of the job has read records since its last report. */
    public synchronized void reportReading() {
        long now = nanoTime.getAsLong();
        countUpTo(now);
        lastReadingNanos = now;
        everRead = true;
    }

    @Override
    public synchronized long relativeTimeNanos() {
        countUpTo(nanoTime.getAsLong());
        return elapsedNanos;
    }

    @Override
    public long relativeTimeMillis() {
        return Duration.ofNanos(relativeTimeNanos()).toMillis();
    }

    private void countUpTo(long now) {
        if (!everRead) {
            countedUpToNanos = now;
            return;
        }
        long runningUntil = Math.min(now, lastReadingNanos + gapNanos);
        if (runningUntil > countedUpToNanos) {
            elapsedNanos += runningUntil - countedUpToNanos;
        }
        countedUpToNanos = Math.max(countedUpToNanos, now);
    }
}
