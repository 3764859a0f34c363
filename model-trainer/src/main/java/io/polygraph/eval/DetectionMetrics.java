package io.polygraph.eval;

import io.polygraph.eval.EvaluationReport.TypeRecall;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every metric of one detector on one test set at one threshold, in the anomaly-score convention.
 *
 * <p>Contract: a record is flagged when its anomaly score is strictly above {@code threshold}
 * (higher is more anomalous). This is the exact mirror of the live detector's rule "consistency
 * below epsilon": with {@code anomalyScore = -consistency} and {@code threshold = -epsilon} the
 * same records are flagged, ties included, and {@link EvaluationReport#of} is computed through this
 * class. The headline metrics (AUROC, AUPRC, confusion counts and the rates derived from them) see
 * only NORMAL and positive records, see {@link LabelledScores}; {@code accuracy} is therefore (TP +
 * TN) / {@code evaluated}. {@code byType} counts every record, whatever its label.
 *
 * <p>Trade-off: the derived rates are stored beside the confusion counts they come from, so that
 * the JSON form is readable without recomputation; the factory is the only place that fills them.
 *
 * @param positiveTypes the labels counted as positives, sorted
 * @param threshold flag records whose anomaly score is above it
 * @param evaluated number of records in the headline metrics
 * @param excluded number of records of labels neither NORMAL nor positive
 * @param auroc area under the ROC curve (NaN when a class is missing)
 * @param auprc average precision (NaN when a class is missing)
 * @param confusion confusion counts at the threshold
 * @param precision TP / (TP + FP)
 * @param recall TP / (TP + FN)
 * @param f1 harmonic mean of precision and recall
 * @param accuracy (TP + TN) / evaluated
 * @param falsePositiveRate FP / (FP + TN), the alert rate on normal records
 * @param byType per label (NORMAL included): how many records and how many were flagged
 */
public record DetectionMetrics(
        List<String> positiveTypes,
        double threshold,
        long evaluated,
        long excluded,
        double auroc,
        double auprc,
        ConfusionCounts confusion,
        double precision,
        double recall,
        double f1,
        double accuracy,
        double falsePositiveRate,
        Map<String, TypeRecall> byType) {

    public DetectionMetrics {
        positiveTypes = List.copyOf(positiveTypes);
        Objects.requireNonNull(confusion, "confusion");
        // Kept in label order for readable JSON; LinkedHashMap because Map.copyOf forgets order.
        byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    }

    /** Computes every metric of {@code scores}, flagging those above {@code threshold}. */
    public static DetectionMetrics of(LabelledScores scores, double threshold) {
        Objects.requireNonNull(scores, "scores");
        double[] headline = scores.headlineScores();
        boolean[] positives = scores.headlinePositives();
        ConfusionCounts confusion = ConfusionCounts.aboveThreshold(headline, positives, threshold);
        return new DetectionMetrics(
                scores.positiveTypes().stream().sorted().toList(),
                threshold,
                headline.length,
                scores.size() - headline.length,
                RankingMetrics.auroc(headline, positives),
                RankingMetrics.averagePrecision(headline, positives),
                confusion,
                confusion.precision(),
                confusion.recall(),
                confusion.f1(),
                confusion.accuracy(),
                confusion.falsePositiveRate(),
                byType(scores, threshold));
    }

    private static Map<String, TypeRecall> byType(LabelledScores scores, double threshold) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (int i = 0; i < scores.size(); i++) {
            long[] count = counts.computeIfAbsent(scores.labels().get(i), label -> new long[2]);
            count[0]++;
            count[1] += scores.score(i) > threshold ? 1 : 0;
        }
        Map<String, TypeRecall> byType = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(
                        e ->
                                byType.put(
                                        e.getKey(),
                                        new TypeRecall(e.getValue()[0], e.getValue()[1])));
        return byType;
    }
}
