package io.polygraph.eval;

import java.util.Objects;

/**
 * The four counts of a binary decision against the truth, and the rates derived from them.
 *
 * <p>Conventions for empty denominators (so that reports never hold NaN for a decision that was
 * simply never made): precision is 0 when nothing was flagged, recall is 0 when there were no
 * positives, F1 is 0 when precision and recall are both 0, accuracy is 0 when nothing was counted.
 *
 * @param truePositives anomalies flagged
 * @param falsePositives normal items flagged
 * @param trueNegatives normal items not flagged
 * @param falseNegatives anomalies missed
 */
public record ConfusionCounts(
        long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

    public ConfusionCounts {
        if (truePositives < 0 || falsePositives < 0 || trueNegatives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** Counts the decisions {@code flagged} against the truth {@code positives}. */
    public static ConfusionCounts of(boolean[] flagged, boolean[] positives) {
        Objects.requireNonNull(flagged, "flagged");
        Objects.requireNonNull(positives, "positives");
        if (flagged.length != positives.length) {
            throw new IllegalArgumentException(
                    "decisions and labels differ in length: "
                            + flagged.length
                            + " vs "
                            + positives.length);
        }
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < flagged.length; i++) {
            if (flagged[i]) {
                if (positives[i]) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (positives[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        return new ConfusionCounts(tp, fp, tn, fn);
    }

    /**
     * Counts the decision "anomalous when {@code consistencyScore < threshold}", the detector's
     * rule (lower scores are more anomalous).
     */
    public static ConfusionCounts belowThreshold(
            double[] consistencyScores, boolean[] positives, double threshold) {
        boolean[] flagged = new boolean[consistencyScores.length];
        for (int i = 0; i < flagged.length; i++) {
            flagged[i] = consistencyScores[i] < threshold;
        }
        return of(flagged, positives);
    }

    /**
     * Counts the decision "anomalous when {@code anomalyScore > threshold}" (higher scores are more
     * anomalous): the exact mirror of {@link #belowThreshold} on negated scores and threshold, so
     * both conventions flag the same records, ties at the threshold included (never flagged).
     */
    public static ConfusionCounts aboveThreshold(
            double[] anomalyScores, boolean[] positives, double threshold) {
        boolean[] flagged = new boolean[anomalyScores.length];
        for (int i = 0; i < flagged.length; i++) {
            flagged[i] = anomalyScores[i] > threshold;
        }
        return of(flagged, positives);
    }

    /** Total number of items counted. */
    public long total() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    /** Share of flagged items that are anomalies. */
    public double precision() {
        long flagged = truePositives + falsePositives;
        return flagged == 0 ? 0.0 : (double) truePositives / flagged;
    }

    /** Share of anomalies that were flagged. */
    public double recall() {
        long positives = truePositives + falseNegatives;
        return positives == 0 ? 0.0 : (double) truePositives / positives;
    }

    /** Harmonic mean of precision and recall. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** Share of decisions that were right: (TP + TN) / N. */
    public double accuracy() {
        long total = total();
        return total == 0 ? 0.0 : (double) (truePositives + trueNegatives) / total;
    }

    /** Share of normal items that were flagged (the false alert rate). */
    public double falsePositiveRate() {
        long negatives = falsePositives + trueNegatives;
        return negatives == 0 ? 0.0 : (double) falsePositives / negatives;
    }
}
