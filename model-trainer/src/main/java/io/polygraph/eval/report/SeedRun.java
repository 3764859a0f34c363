package io.polygraph.eval.report;

import io.polygraph.eval.Curve;
import io.polygraph.eval.DetectionMetrics;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One training-and-test run of one detector with one seed: its metrics, curves, score histogram and
 * training loss.
 *
 * <p>Contract: everything here is derived from the run's raw scores by {@link SeedRunBuilder}; the
 * raw scores themselves are not kept (see {@link ScoreHistogram} for why). The curves are already
 * downsampled for plotting. The metrics use the anomaly-score convention of {@link
 * DetectionMetrics}: flagged when the score is above {@code metrics.threshold()}.
 *
 * @param seed the seed of the run (training and, where random, test split)
 * @param wallTimeSeconds wall-clock time of training and scoring, seconds
 * @param metrics every metric at the run's threshold, with the per-type breakdown
 * @param roc ROC curve, at most {@link io.polygraph.eval.Curves#PLOT_POINTS} points
 * @param precisionRecall precision-recall curve, same bound
 * @param scoreHistogram the scores per label, binned
 * @param trainingLoss the loss series recorded while training, names distinct (empty for untrained
 *     detectors)
 */
public record SeedRun(
        long seed,
        double wallTimeSeconds,
        DetectionMetrics metrics,
        Curve roc,
        Curve precisionRecall,
        ScoreHistogram scoreHistogram,
        List<LossCurve> trainingLoss) {

    public SeedRun {
        if (!(wallTimeSeconds >= 0)) {
            throw new IllegalArgumentException(
                    "wall time must be a non-negative number of seconds");
        }
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(roc, "roc");
        Objects.requireNonNull(precisionRecall, "precisionRecall");
        Objects.requireNonNull(scoreHistogram, "scoreHistogram");
        trainingLoss = List.copyOf(trainingLoss);
        // Names key the legend of the loss chart, where a repeated one would hide a series.
        Set<String> names = new HashSet<>();
        for (LossCurve curve : trainingLoss) {
            if (!names.add(curve.name())) {
                throw new IllegalArgumentException(
                        "seed " + seed + " has two loss curves named '" + curve.name() + "'");
            }
        }
    }

    /** A builder that computes a run from raw scores; see {@link SeedRunBuilder}. */
    public static SeedRunBuilder builder(long seed) {
        return new SeedRunBuilder(seed);
    }
}
