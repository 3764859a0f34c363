package io.polygraph.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * Threshold-free quality of an anomaly ranking: AUROC and AUPRC (average precision).
 *
 * <p>Contract: {@code anomalyScores[i]} is the evidence that item {@code i} is anomalous, higher
 * meaning more anomalous (negate a consistency score before calling), and {@code positives[i]} says
 * whether it truly is. Both metrics are NaN when one class is absent, because neither is defined
 * then. Ties are handled exactly: AUROC counts a tied positive/negative pair as one half (the
 * Mann-Whitney statistic with mid-ranks), and average precision evaluates precision only after a
 * whole group of tied scores, so neither metric depends on the input order. Cost: one sort, O(n log
 * n).
 */
public final class RankingMetrics {

    private RankingMetrics() {}

    /**
     * Area under the ROC curve: the probability that a random positive scores above a random
     * negative, ties counting one half.
     */
    public static double auroc(double[] anomalyScores, boolean[] positives) {
        Integer[] order = ascending(anomalyScores, positives);
        long positiveCount = count(positives);
        long negativeCount = positives.length - positiveCount;
        if (positiveCount == 0 || negativeCount == 0) {
            return Double.NaN;
        }
        double positiveRankSum = 0;
        int start = 0;
        while (start < order.length) {
            int end = endOfTies(order, anomalyScores, start);
            // Mid-rank (1-based) of the tie group [start, end).
            double midRank = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++) {
                if (positives[order[k]]) {
                    positiveRankSum += midRank;
                }
            }
            start = end;
        }
        double u = positiveRankSum - positiveCount * (positiveCount + 1) / 2.0;
        return u / ((double) positiveCount * negativeCount);
    }

    /**
     * Average precision (the usual estimate of the area under the precision-recall curve): the mean
     * over positives of the precision at the threshold that first admits them, tie groups admitted
     * together.
     */
    public static double averagePrecision(double[] anomalyScores, boolean[] positives) {
        Integer[] order = ascending(anomalyScores, positives);
        long positiveCount = count(positives);
        if (positiveCount == 0 || positiveCount == positives.length) {
            return Double.NaN;
        }
        double sum = 0;
        long admitted = 0;
        long truePositives = 0;
        int end = order.length;
        while (end > 0) {
            int start = startOfTies(order, anomalyScores, end);
            long groupPositives = 0;
            for (int k = start; k < end; k++) {
                if (positives[order[k]]) {
                    groupPositives++;
                }
            }
            admitted += end - start;
            truePositives += groupPositives;
            sum += groupPositives * ((double) truePositives / admitted);
            end = start;
        }
        return sum / positiveCount;
    }

    private static Integer[] ascending(double[] scores, boolean[] positives) {
        Objects.requireNonNull(scores, "anomalyScores");
        Objects.requireNonNull(positives, "positives");
        if (scores.length != positives.length) {
            throw new IllegalArgumentException(
                    "scores and labels differ in length: "
                            + scores.length
                            + " vs "
                            + positives.length);
        }
        for (double score : scores) {
            if (Double.isNaN(score)) {
                throw new IllegalArgumentException("a score is NaN");
            }
        }
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        return order;
    }

    private static int endOfTies(Integer[] order, double[] scores, int start) {
        int end = start + 1;
        while (end < order.length && scores[order[end]] == scores[order[start]]) {
            end++;
        }
        return end;
    }

    private static int startOfTies(Integer[] order, double[] scores, int end) {
        int start = end - 1;
        while (start > 0 && scores[order[start - 1]] == scores[order[end - 1]]) {
            start--;
        }
        return start;
    }

    private static long count(boolean[] values) {
        long count = 0;
        for (boolean value : values) {
            if (value) {
                count++;
            }
        }
        return count;
    }
}
