package io.polygraph.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * ROC and precision-recall curves of an anomaly ranking: one point per distinct score.
 *
 * <p>Contract: same inputs as {@link RankingMetrics} (higher score = more anomalous, NaN rejected).
 * Tied scores are admitted together, so a tie group of positives and negatives gives one diagonal
 * ROC segment rather than an order-dependent staircase, and no point lies between the members of a
 * tie. Each point carries the threshold that gives it under the rule "flag when score &gt;
 * threshold": the next lower distinct score, or {@code Math.nextDown} of the lowest score for the
 * point that flags everything. The ROC curve starts at (0, 0) (threshold: the highest score) and
 * ends at (1, 1); the PR curve has one point per tie group and no invented (0, 1) start, since
 * precision is undefined when nothing is flagged. Both are empty when a class is missing.
 *
 * <p>Cost: one sort, O(n log n); the curves hold one point per distinct score, so use {@link
 * Curve#downsampled} before plotting or storing large ones. The area metrics stay in {@link
 * RankingMetrics}: average precision is not the area under straight lines joining PR points.
 */
public final class Curves {

    /** Points kept for plots and the JSON report: enough for a smooth line at chart sizes. */
    public static final int PLOT_POINTS = 500;

    /** The axis names of ROC curves. */
    public static final String FALSE_POSITIVE_RATE = "falsePositiveRate";

    public static final String TRUE_POSITIVE_RATE = "truePositiveRate";

    /** The axis names of precision-recall curves. */
    public static final String RECALL = "recall";

    public static final String PRECISION = "precision";

    private Curves() {}

    /** True positive rate against false positive rate, one point per distinct score plus (0, 0). */
    public static Curve roc(double[] anomalyScores, boolean[] positives) {
        List<CurvePoint> points = new ArrayList<>();
        Sweep sweep = new Sweep(anomalyScores, positives);
        if (sweep.defined()) {
            points.add(new CurvePoint(0, 0, sweep.highest()));
            while (sweep.admitNextGroup()) {
                points.add(
                        new CurvePoint(
                                (double) sweep.falsePositives / sweep.negatives,
                                (double) sweep.truePositives / sweep.positives,
                                sweep.threshold()));
            }
        }
        return new Curve(FALSE_POSITIVE_RATE, TRUE_POSITIVE_RATE, points);
    }

    /** Precision against recall, one point per distinct score. */
    public static Curve precisionRecall(double[] anomalyScores, boolean[] positives) {
        List<CurvePoint> points = new ArrayList<>();
        Sweep sweep = new Sweep(anomalyScores, positives);
        if (sweep.defined()) {
            while (sweep.admitNextGroup()) {
                long flagged = sweep.truePositives + sweep.falsePositives;
                points.add(
                        new CurvePoint(
                                (double) sweep.truePositives / sweep.positives,
                                (double) sweep.truePositives / flagged,
                                sweep.threshold()));
            }
        }
        return new Curve(RECALL, PRECISION, points);
    }

    /** Lowers the threshold one tie group at a time, from the highest score down. */
    private static final class Sweep {
        private final double[] scores;
        private final boolean[] labels;
        private final Integer[] descending;
        private final long positives;
        private final long negatives;
        private int admitted;
        private long truePositives;
        private long falsePositives;

        Sweep(double[] scores, boolean[] labels) {
            Objects.requireNonNull(scores, "anomalyScores");
            Objects.requireNonNull(labels, "positives");
            if (scores.length != labels.length) {
                throw new IllegalArgumentException(
                        "scores and labels differ in length: "
                                + scores.length
                                + " vs "
                                + labels.length);
            }
            long count = 0;
            for (int i = 0; i < scores.length; i++) {
                if (Double.isNaN(scores[i])) {
                    throw new IllegalArgumentException("the score of item " + i + " is NaN");
                }
                count += labels[i] ? 1 : 0;
            }
            this.scores = scores;
            this.labels = labels;
            this.positives = count;
            this.negatives = scores.length - count;
            this.descending = new Integer[scores.length];
            Arrays.setAll(descending, i -> i);
            Arrays.sort(
                    descending, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        }

        boolean defined() {
            return positives > 0 && negatives > 0;
        }

        double highest() {
            return scores[descending[0]];
        }

        /** Admits every item tied with the next unadmitted one; false when none is left. */
        boolean admitNextGroup() {
            if (admitted == descending.length) {
                return false;
            }
            double groupScore = scores[descending[admitted]];
            while (admitted < descending.length && scores[descending[admitted]] == groupScore) {
                if (labels[descending[admitted]]) {
                    truePositives++;
                } else {
                    falsePositives++;
                }
                admitted++;
            }
            return true;
        }

        /** The threshold that flags exactly the items admitted so far. */
        double threshold() {
            if (admitted < descending.length) {
                return scores[descending[admitted]];
            }
            return Math.nextDown(scores[descending[admitted - 1]]);
        }
    }
}
