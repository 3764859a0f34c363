package io.polygraph.deploy.demo;

import io.polygraph.schema.AnomalyLabel;
import io.polygraph.schema.AnomalyType;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How well a set of alerts matches a world's ground truth.
 *
 * <p>An alert is a true positive when its transaction is labelled as any injected anomaly. Recall
 * is given per anomaly type and for the cross-modal types together (a signature that does not match
 * its account holder, behaviour that contradicts the profile), which are what Polygraph is built to
 * catch; plain outliers are reported but not part of the cross-modal recall.
 *
 * @param alertedTransactions distinct transactions alerted on
 * @param truePositives alerted transactions labelled as an anomaly
 * @param falsePositives alerted transactions labelled normal
 * @param unknownAlerts alerted transactions without a label (not from this world)
 * @param anomaliesByType labelled anomalies per type
 * @param detectedByType alerted anomalies per type
 */
public record AlertEvaluation(
        int alertedTransactions,
        int truePositives,
        int falsePositives,
        int unknownAlerts,
        Map<AnomalyType, Integer> anomaliesByType,
        Map<AnomalyType, Integer> detectedByType) {

    /** The anomaly types that only show when modalities are compared. */
    public static final Set<AnomalyType> CROSS_MODAL =
            Set.of(AnomalyType.SIGNATURE_MISMATCH, AnomalyType.BEHAVIOUR_PROFILE_MISMATCH);

    /**
     * Scores alerts against labels.
     *
     * @param labels one label per transaction of the world
     * @param alertedTransactionIds ids of the transactions that raised an alert (duplicates are
     *     counted once)
     */
    public static AlertEvaluation of(
            Collection<AnomalyLabel> labels, Collection<String> alertedTransactionIds) {
        Map<String, AnomalyType> typeById = new HashMap<>();
        Map<AnomalyType, Integer> anomalies = new EnumMap<>(AnomalyType.class);
        for (AnomalyLabel label : labels) {
            typeById.put(label.getTransactionId(), label.getType());
            if (label.getType() != AnomalyType.NORMAL) {
                anomalies.merge(label.getType(), 1, Integer::sum);
            }
        }
        Set<String> alerted = Set.copyOf(alertedTransactionIds);
        Map<AnomalyType, Integer> detected = new EnumMap<>(AnomalyType.class);
        int falsePositives = 0;
        int unknown = 0;
        for (String id : alerted) {
            AnomalyType type = typeById.get(id);
            if (type == null) {
                unknown++;
            } else if (type == AnomalyType.NORMAL) {
                falsePositives++;
            } else {
                detected.merge(type, 1, Integer::sum);
            }
        }
        int truePositives = detected.values().stream().mapToInt(Integer::intValue).sum();
        return new AlertEvaluation(
                alerted.size(), truePositives, falsePositives, unknown, anomalies, detected);
    }

    /** Share of alerts that point at an injected anomaly; 0 when there are no alerts. */
    public double precision() {
        int judged = truePositives + falsePositives;
        return judged == 0 ? 0.0 : (double) truePositives / judged;
    }

    /** Share of the injected anomalies of {@code type} that raised an alert. */
    public double recall(AnomalyType type) {
        int total = anomaliesByType.getOrDefault(type, 0);
        return total == 0 ? 0.0 : (double) detectedByType.getOrDefault(type, 0) / total;
    }

    /** Share of the injected cross-modal anomalies that raised an alert. */
    public double crossModalRecall() {
        int total = 0;
        int found = 0;
        for (AnomalyType type : CROSS_MODAL) {
            total += anomaliesByType.getOrDefault(type, 0);
            found += detectedByType.getOrDefault(type, 0);
        }
        return total == 0 ? 0.0 : (double) found / total;
    }
}
