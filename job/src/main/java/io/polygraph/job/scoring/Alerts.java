package io.polygraph.job.scoring;

import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.RecordScore;
import io.polygraph.schema.Alert;
import io.polygraph.schema.Contribution;
import io.polygraph.schema.ModalityWeight;
import io.polygraph.schema.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the {@link Alert} candidate for a score: ids, times, score, the snapshot's threshold,
 * model identity, contributions, reason codes and modality weights, never payload fields. The alert
 * policy ({@code io.polygraph.job.alert.AlertPolicyFunction}) decides whether it becomes an alert
 * and fills in severity, smoothed score and summary.
 *
 * <p>The alert id is derived from the model version and the transaction id, so a transaction scored
 * twice by the same model (a replay after a failure under at-least-once delivery) yields the same
 * id and consumers can drop the duplicate.
 */
public final class Alerts {

    private Alerts() {}

    /** The deterministic id of the alert of {@code modelVersion} for {@code transactionId}. */
    public static String alertId(String modelVersion, String transactionId) {
        return modelVersion + ":" + transactionId;
    }

    /**
     * The alert for {@code transaction}, scored {@code score} by {@code model} at {@code
     * detectionTime}.
     */
    public static Alert of(
            Transaction transaction, RecordScore score, ModelInfo model, Instant detectionTime) {
        return Alert.newBuilder()
                .setAlertId(alertId(model.version(), transaction.getTransactionId()))
                .setEntityId(transaction.getEntityId())
                .setTransactionId(transaction.getTransactionId())
                .setEventTime(transaction.getEventTime())
                .setDetectionTime(detectionTime)
                .setScore(score.score())
                .setThreshold(model.threshold())
                .setModelName(model.name())
                .setModelVersion(model.version())
                .setContributions(contributionsOf(score))
                .setReasonCodes(
                        score.reasonCodes() == null
                                ? new ArrayList<>()
                                : new ArrayList<>(score.reasonCodes()))
                .setModalityWeights(weightsOf(score))
                .build();
    }

    /** Heaviest first (ties by name), so that the first weight says where the detector looked. */
    private static List<ModalityWeight> weightsOf(RecordScore score) {
        List<ModalityWeight> weights = new ArrayList<>(score.modalityWeights().size());
        score.modalityWeights()
                .forEach((name, weight) -> weights.add(new ModalityWeight(name, weight)));
        weights.sort(
                Comparator.comparingDouble(ModalityWeight::getWeight)
                        .reversed()
                        .thenComparing(ModalityWeight::getName));
        return weights;
    }

    private static List<Contribution> contributionsOf(RecordScore score) {
        List<Contribution> contributions = new ArrayList<>();
        if (score.contributions() != null) {
            for (RecordScore.Contribution c : score.contributions()) {
                contributions.add(new Contribution(c.name(), c.score()));
            }
        }
        return contributions;
    }
}
