package io.polygraph.job.scoring;

import java.io.Serializable;
import java.time.Duration;

/**
 * When a batch of buffered records is scored: as soon as it holds {@code maxSize} records, or
 * {@code maxDelay} of processing time after its first record arrived, whichever comes first.
 *
 * <p>Kept apart from the operator so that the policy can be read and tested without Flink. The
 * trade-off it encodes: a larger size lets the detector amortise its per-call cost (and use a GPU
 * well), a shorter delay bounds the latency a record pays for that under light traffic.
 */
public final class BatchTrigger implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int maxSize;
    private final long maxDelayMillis;

    /** A trigger firing at {@code maxSize} records or {@code maxDelay} after the first. */
    public BatchTrigger(int maxSize, Duration maxDelay) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1, was " + maxSize);
        }
        if (maxDelay.isNegative() || maxDelay.isZero()) {
            throw new IllegalArgumentException("maxDelay must be positive, was " + maxDelay);
        }
        this.maxSize = maxSize;
        this.maxDelayMillis = maxDelay.toMillis();
    }

    /** The most records a batch holds. */
    public int maxSize() {
        return maxSize;
    }

    /** Whether a buffer of {@code bufferedRecords} must be scored now. */
    public boolean isFull(int bufferedRecords) {
        return bufferedRecords >= maxSize;
    }

    /**
     * The processing time at which a batch whose first record arrived at {@code firstArrival} is
     * due.
     */
    public long deadlineFor(long firstArrival) {
        long deadline = firstArrival + maxDelayMillis;
        return deadline < firstArrival ? Long.MAX_VALUE : deadline;
    }

    @Override
    public String toString() {
        return "BatchTrigger{maxSize=" + maxSize + ", maxDelayMillis=" + maxDelayMillis + "}";
    }
}
