package io.polygraph.eval;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.polygraph.schema.AnomalyType;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How well consistency scores and a threshold separate anomalies from normal records.
 *
 * <p>Contract: scores are consistency scores (lower is more anomalous) and a record is flagged when
 * its score is below {@code threshold}. Records whose type is in {@code positiveTypes} are
 * positives, NORMAL records are negatives, and records of any other type are left out of the
 * headline metrics (AUROC, AUPRC, confusion counts, precision, recall, F1) but still get their
 * per-type recall: with {@link #CROSS_MODAL} as positives, a plain outlier is neither a hit nor a
 * false alarm of a cross-modal detector. Per-type "recall" of NORMAL is its alert rate.
 *
 * <p>The metrics are computed by {@link DetectionMetrics}, the anomaly-score generalisation used by
 * the evaluation report; this record keeps the consistency convention and its field set because
 * snapshot manifests embed it.
 *
 * @param positiveTypes anomaly types counted as positives
 * @param threshold the decision threshold epsilon
 * @param evaluated number of records in the headline metrics
 * @param excluded number of records of types neither NORMAL nor positive
 * @param auroc area under the ROC curve (NaN when a class is missing)
 * @param auprc average precision (NaN when a class is missing)
 * @param confusion confusion counts at the threshold
 * @param precision precision at the threshold
 * @param recall recall at the threshold
 * @param f1 F1 at the threshold
 * @param byType per anomaly type (NORMAL included): how many records and how many were flagged
 */
public record EvaluationReport(
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
        Map<String, TypeRecall> byType) {

    /** The injected cross-modal anomalies: what the CMAD detector is meant to find. */
    public static final Set<AnomalyType> CROSS_MODAL =
            EnumSet.of(AnomalyType.SIGNATURE_MISMATCH, AnomalyType.BEHAVIOUR_PROFILE_MISMATCH);

    @JsonCreator
    public EvaluationReport(
            @JsonProperty("positiveTypes") List<String> positiveTypes,
            @JsonProperty("threshold") double threshold,
            @JsonProperty("evaluated") long evaluated,
            @JsonProperty("excluded") long excluded,
            @JsonProperty("auroc") double auroc,
            @JsonProperty("auprc") double auprc,
            @JsonProperty("confusion") ConfusionCounts confusion,
            @JsonProperty("precision") double precision,
            @JsonProperty("recall") double recall,
            @JsonProperty("f1") double f1,
            @JsonProperty("byType") Map<String, TypeRecall> byType) {
        this.positiveTypes = List.copyOf(positiveTypes);
        this.threshold = threshold;
        this.evaluated = evaluated;
        this.excluded = excluded;
        this.auroc = auroc;
        this.auprc = auprc;
        this.confusion = Objects.requireNonNull(confusion, "confusion");
        this.precision = precision;
        this.recall = recall;
        this.f1 = f1;
        this.byType = Map.copyOf(byType);
    }

    /**
     * Evaluates {@code scores} against the {@code types} of the same records.
     *
     * @param scores consistency scores, lower is more anomalous
     * @param types the true type of each record
     * @param threshold flag records scoring below it
     * @param positiveTypes the anomaly types that count as positives
     */
    public static EvaluationReport of(
            double[] scores,
            List<AnomalyType> types,
            double threshold,
            Set<AnomalyType> positiveTypes) {
        if (scores.length != types.size()) {
            throw new IllegalArgumentException("one type per score is needed");
        }
        // Negating scores and threshold turns "consistency < threshold" into the exactly
        // equivalent "anomaly score > -threshold", so one class computes both conventions.
        DetectionMetrics metrics =
                DetectionMetrics.of(
                        LabelledScores.ofConsistency(
                                scores,
                                types.stream().map(Enum::name).toList(),
                                positiveTypes.stream().map(Enum::name).collect(Collectors.toSet())),
                        -threshold);
        return new EvaluationReport(
                metrics.positiveTypes(),
                threshold,
                metrics.evaluated(),
                metrics.excluded(),
                metrics.auroc(),
                metrics.auprc(),
                metrics.confusion(),
                metrics.precision(),
                metrics.recall(),
                metrics.f1(),
                metrics.byType());
    }

    /** A few lines for people: headline metrics, then recall per type. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(
                String.format(
                        Locale.ROOT,
                        "AUROC %.4f  AUPRC %.4f  precision %.4f  recall %.4f  F1 %.4f  at threshold %.4f%n",
                        auroc,
                        auprc,
                        precision,
                        recall,
                        f1,
                        threshold));
        text.append(
                String.format(
                        Locale.ROOT,
                        "TP %d  FP %d  TN %d  FN %d  (positives: %s; %d records of other types left out)%n",
                        confusion.truePositives(),
                        confusion.falsePositives(),
                        confusion.trueNegatives(),
                        confusion.falseNegatives(),
                        String.join(", ", positiveTypes),
                        excluded));
        byType.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(
                        entry ->
                                text.append(
                                        String.format(
                                                Locale.ROOT,
                                                "  %-28s %6d records, %5d flagged (%.1f %%)%n",
                                                entry.getKey(),
                                                entry.getValue().records(),
                                                entry.getValue().flagged(),
                                                100 * entry.getValue().flaggedShare())));
        return text.toString();
    }

    /**
     * How many records of one type there were and how many the threshold flagged.
     *
     * @param records records of the type
     * @param flagged of which flagged
     */
    public record TypeRecall(long records, long flagged) {

        /** Share flagged: the recall of an anomaly type, the alert rate of NORMAL. */
        public double flaggedShare() {
            return records == 0 ? 0.0 : (double) flagged / records;
        }
    }
}
