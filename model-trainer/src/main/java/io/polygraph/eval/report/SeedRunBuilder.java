package io.polygraph.eval.report;

import io.polygraph.eval.Curve;
import io.polygraph.eval.Curves;
import io.polygraph.eval.DetectionMetrics;
import io.polygraph.eval.LabelledScores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Computes a {@link SeedRun} from what a run produces: labelled test scores, a threshold, the wall
 * time and the training loss.
 *
 * <p>Contract: scores, threshold and wall time are required; {@link #build()} fails naming the seed
 * when one is missing. The threshold is in the anomaly-score convention (flag when score &gt;
 * threshold); a detector calibrated on consistency scores with epsilon passes {@link
 * LabelledScores#ofConsistency} and {@code -epsilon}. Usage:
 *
 * <pre>{@code
 * SeedRun run = SeedRun.builder(7)
 *         .scores(LabelledScores.of(anomalyScores, labels, Set.of("SIGNATURE_MISMATCH")))
 *         .threshold(0.35)
 *         .wallTime(Duration.ofMillis(12_300))
 *         .trainingLoss(LossCurve.perEpoch("loss", lossPerEpoch))
 *         .build();
 * }</pre>
 *
 * <p>Trade-off: curves are computed on all scores and then downsampled to {@link
 * Curves#PLOT_POINTS}; the exact areas are the AUROC and AUPRC in the metrics.
 */
public final class SeedRunBuilder {

    private final long seed;
    private LabelledScores scores;
    private Double threshold;
    private Double wallTimeSeconds;
    private int histogramBins = ScoreHistogram.DEFAULT_BINS;
    private final List<LossCurve> trainingLoss = new ArrayList<>();

    SeedRunBuilder(long seed) {
        this.seed = seed;
    }

    /** The run's test scores with their labels and positive types. */
    public SeedRunBuilder scores(LabelledScores scores) {
        this.scores = Objects.requireNonNull(scores, "scores");
        return this;
    }

    /** The decision threshold: records scoring above it are flagged. */
    public SeedRunBuilder threshold(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN (seed " + seed + ")");
        }
        this.threshold = threshold;
        return this;
    }

    /** Wall-clock time of the run in seconds. */
    public SeedRunBuilder wallTimeSeconds(double seconds) {
        this.wallTimeSeconds = seconds;
        return this;
    }

    /** Wall-clock time of the run. */
    public SeedRunBuilder wallTime(Duration duration) {
        return wallTimeSeconds(Objects.requireNonNull(duration, "duration").toNanos() / 1e9);
    }

    /** Adds one training-loss series; call once per loss the detector records. */
    public SeedRunBuilder trainingLoss(LossCurve curve) {
        trainingLoss.add(Objects.requireNonNull(curve, "curve"));
        return this;
    }

    /** Bins of the score histogram, {@link ScoreHistogram#DEFAULT_BINS} unless set. */
    public SeedRunBuilder histogramBins(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("at least one histogram bin is needed");
        }
        this.histogramBins = bins;
        return this;
    }

    /** Computes every metric, both curves and the histogram. */
    public SeedRun build() {
        if (scores == null || threshold == null || wallTimeSeconds == null) {
            throw new IllegalStateException(
                    "seed " + seed + ": scores, threshold and wall time are all required");
        }
        double[] headline = scores.headlineScores();
        boolean[] positives = scores.headlinePositives();
        Curve roc = Curves.roc(headline, positives).downsampled(Curves.PLOT_POINTS);
        Curve pr = Curves.precisionRecall(headline, positives).downsampled(Curves.PLOT_POINTS);
        return new SeedRun(
                seed,
                wallTimeSeconds,
                DetectionMetrics.of(scores, threshold),
                roc,
                pr,
                ScoreHistogram.of(scores, histogramBins),
                trainingLoss);
    }
}
