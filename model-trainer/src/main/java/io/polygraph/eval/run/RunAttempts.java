package io.polygraph.eval.run;

import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.FailedRun;
import io.polygraph.eval.report.SeedRun;
import io.polygraph.gan.TrainingDivergedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects one detector's runs over several seeds, turning a run whose training diverged into a
 * {@link FailedRun} instead of ending the whole evaluation.
 *
 * <p>Contract: only {@link TrainingDivergedException} is caught, since that is a property of the
 * run (a seed on which the detector does not train) and belongs in the report; every other
 * exception is a bug or a bad input and propagates. The failed run's wall time is measured here,
 * from the call to the failure. Not thread-safe. Usage:
 *
 * <pre>{@code
 * RunAttempts attempts = new RunAttempts();
 * for (long seed : seeds) {
 *     attempts.run(seed, () -> trainAndTest(seed));
 * }
 * return attempts.evaluation("MMOC-GAN", config);
 * }</pre>
 */
public final class RunAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(RunAttempts.class);

    private final List<SeedRun> runs = new ArrayList<>();
    private final List<FailedRun> failedRuns = new ArrayList<>();

    /**
     * Runs one seed's training and test; keeps its {@link SeedRun}, or a {@link FailedRun} when
     * training diverged.
     *
     * @param seed the run's id, recorded on the failed run (the run itself carries its own)
     * @return whether the run succeeded
     */
    public boolean run(long seed, Supplier<SeedRun> trainAndTest) {
        Objects.requireNonNull(trainAndTest, "trainAndTest");
        long started = System.nanoTime();
        try {
            runs.add(Objects.requireNonNull(trainAndTest.get(), "the run of seed " + seed));
            return true;
        } catch (TrainingDivergedException e) {
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.warn("run {} failed: {}", seed, e.getMessage());
            failedRuns.add(new FailedRun(seed, seconds, e.getMessage()));
            return false;
        }
    }

    /** The successful runs so far, in the order they were run. */
    public List<SeedRun> runs() {
        return List.copyOf(runs);
    }

    /** The failed runs so far, in the order they were run. */
    public List<FailedRun> failedRuns() {
        return List.copyOf(failedRuns);
    }

    /** The evaluation of the detector {@code name} over every run so far. */
    public DetectorEvaluation evaluation(String name, Map<String, ?> config) {
        return DetectorEvaluation.of(name, config, runs, failedRuns);
    }

    /** Like {@link #evaluation(String, Map)}, with a configuration object (a trainer's config). */
    public DetectorEvaluation evaluationOfConfigObject(String name, Object config) {
        return DetectorEvaluation.ofConfigObject(name, config, runs, failedRuns);
    }
}
