package io.polygraph.eval.run;

import io.polygraph.eval.LabelledScores;
import io.polygraph.eval.report.LossCurve;
import io.polygraph.eval.report.SeedRun;
import io.polygraph.eval.report.SeedRunBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Evaluates the detectors of one seed that were trained on unlabelled rows, thresholding each on
 * its own training rows as a user without labels would: flag the {@code alertRate} share of the
 * training rows that score highest, then count hits and misses on labelled test rows.
 *
 * <p>Contract: the threshold is the training scores' order statistic at {@code floor((1 -
 * alertRate) (n - 1))} (ascending, 0-based), and a row is flagged when it scores strictly above it,
 * so about {@code alertRate} of the training rows are flagged, fewer where scores tie. The wall
 * time of a run is from the caller's start to the end of scoring the test rows, training-row
 * scoring included. Shared by {@link ContaminationExperiment}, {@link TabularExperiment} and {@link
 * LeaveOneDigitOutExperiment}; immutable.
 */
final class TrainingQuantileEvaluation {

    /** Anomaly scores of rows, higher = more anomalous. */
    interface Scorer {
        double[] scores(double[][] x);
    }

    private final long seed;
    private final double[][] training;
    private final double alertRate;
    private final double[][] test;
    private final List<String> testLabels;
    private final Set<String> positives;

    /**
     * @param training the rows the detectors were trained on
     * @param alertRate the share of training rows to flag, in [0, 1)
     * @param test the rows to evaluate on
     * @param testLabels each test row's label, {@link LabelledScores#NORMAL} or an anomaly type
     * @param positives the anomaly types that count as positives
     */
    TrainingQuantileEvaluation(
            long seed,
            double[][] training,
            double alertRate,
            double[][] test,
            List<String> testLabels,
            Set<String> positives) {
        if (!(alertRate >= 0 && alertRate < 1)) {
            throw new IllegalArgumentException("alert rate must be in [0, 1): " + alertRate);
        }
        this.seed = seed;
        this.training = Objects.requireNonNull(training, "training");
        this.alertRate = alertRate;
        this.test = Objects.requireNonNull(test, "test");
        this.testLabels = List.copyOf(testLabels);
        this.positives = Set.copyOf(positives);
    }

    /**
     * The run of a detector that was trained from {@code startedNanos} ({@link System#nanoTime()}),
     * with its loss per epoch ({@code losses} empty for an untrained one such as PCA).
     */
    SeedRun run(Scorer scorer, double[] losses, long startedNanos) {
        return run(
                scorer,
                losses.length > 0
                        ? List.of(LossCurve.perEpoch("reconstruction loss", losses))
                        : List.of(),
                startedNanos);
    }

    /** As {@link #run(Scorer, double[], long)}, with every named loss series of the training. */
    SeedRun run(Scorer scorer, List<LossCurve> losses, long startedNanos) {
        double[] trainingScores = scorer.scores(training).clone();
        Arrays.sort(trainingScores);
        double threshold =
                trainingScores[(int) Math.floor((1 - alertRate) * (trainingScores.length - 1))];
        SeedRunBuilder builder =
                SeedRun.builder(seed)
                        .scores(LabelledScores.of(scorer.scores(test), testLabels, positives))
                        .threshold(threshold)
                        .wallTime(Duration.ofNanos(System.nanoTime() - startedNanos));
        losses.forEach(builder::trainingLoss);
        return builder.build();
    }
}
