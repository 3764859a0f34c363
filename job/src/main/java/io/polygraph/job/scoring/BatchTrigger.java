package io.polygraph.job.scoring;

import java.io.Serializable;
import java.time.Duration;

/**
 * When a batch of buffered records is due for scoring: as soon as it holds {@code maxSize} records,
 * or {@code maxDelay} of processing time after its first record arrived, whichever comes first. A
 * due batch is scored once the scorer is free; records that arrive meanwhile join it, up to {@code
 * maxSize}.
 *
 * <p>Kept apart from the operator so that the policy can be read and tested without Flink. The
 * trade-off it encodes: a larger size lets the detector amortise its per-call cost (and use a GPU
 * well), a delay makes a record wait for company when the scorer is idle. A zero delay makes every
 * batch due at once: the batches are then what gathers while the previous batch is scored, one
 * record under light traffic and more as the load rises.
 */
public final class BatchTrigger implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int maxSize;
    private final long maxDelayMillis;

    /**
     * A trigger firing at {@code maxSize} records or {@code maxDelay} after the first; a zero delay
     * fires at the first.
     */
    public BatchTrigger(int maxSize, Duration maxDelay) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1, was " + maxSize);
        }
        if (maxDelay.isNegative()) {
            throw new IllegalArgumentException("maxDelay must not be negative, was " + maxDelay);
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
     * Whether a buffer of {@code bufferedRecords}, the first of which arrived at {@code
     * firstArrival}, is due at processing time {@code now}.
     */
    public boolean isDue(int bufferedRecords, long firstArrival, long now) {
        return bufferedRecords > 0 && (isFull(bufferedRecords) || now >= deadlineFor(firstArrival));
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
