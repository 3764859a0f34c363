package io.polygraph.eval.report;

import java.util.Objects;

/**
 * One run of a detector that produced no model to test, typically because training diverged: kept
 * in the report so that a detector's summary over its successful runs is never mistaken for one
 * over all of them.
 *
 * @param seed the run's id, as in {@link SeedRun#seed()} (the seed, or what the report's {@link
 *     DatasetEvaluation#runLabel()} names)
 * @param wallTimeSeconds wall-clock time spent until the run failed, seconds
 * @param reason why it failed, one line for people (an exception's message, never data)
 */
public record FailedRun(long seed, double wallTimeSeconds, String reason) {

    public FailedRun {
        if (!(wallTimeSeconds >= 0)) {
            throw new IllegalArgumentException(
                    "wall time must be a non-negative number of seconds");
        }
        Objects.requireNonNull(reason, "reason");
    }
}
