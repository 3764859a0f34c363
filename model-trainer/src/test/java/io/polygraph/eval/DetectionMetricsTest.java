package io.polygraph.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.schema.AnomalyType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DetectionMetricsTest {

    private static final List<String> LABELS =
            List.of(
                    "SIGNATURE_MISMATCH",
                    "SIGNATURE_MISMATCH",
                    "NORMAL",
                    "NORMAL",
                    "NORMAL",
                    "OUTLIER");
    // Anomaly scores: higher is more anomalous.
    private static final double[] SCORES = {0.9, 0.2, 0.6, 0.1, -0.3, 0.95};

    @Test
    void computesEveryMetricOverNormalAndPositiveRecords() {
        LabelledScores scores = LabelledScores.of(SCORES, LABELS, Set.of("SIGNATURE_MISMATCH"));

        DetectionMetrics metrics = DetectionMetrics.of(scores, 0.5);

        // Flagged above 0.5: 0.9 (TP), 0.6 (FP); missed 0.2 (FN); 0.1 and -0.3 are TN.
        assertThat(metrics.confusion()).isEqualTo(new ConfusionCounts(1, 1, 2, 1));
        assertThat(metrics.evaluated()).isEqualTo(5);
        assertThat(metrics.excluded()).isEqualTo(1);
        assertThat(metrics.accuracy()).isEqualTo(3.0 / 5);
        assertThat(metrics.precision()).isEqualTo(0.5);
        assertThat(metrics.recall()).isEqualTo(0.5);
        assertThat(metrics.falsePositiveRate()).isCloseTo(1.0 / 3, within(1e-12));
        // Pairs in order: 0.9 beats all 3 negatives, 0.2 beats 0.1 and -0.3: 5 of 6.
        assertThat(metrics.auroc()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(metrics.byType().get("OUTLIER").flagged()).isEqualTo(1);
        assertThat(metrics.byType().keySet())
                .containsExactly("NORMAL", "OUTLIER", "SIGNATURE_MISMATCH");
    }

    @Test
    void agreesWithTheConsistencyConventionOfEvaluationReport() {
        double[] consistency = {-0.9, -0.2, -0.6, -0.1, 0.3, -0.95};
        List<AnomalyType> types = LABELS.stream().map(AnomalyType::valueOf).toList();

        EvaluationReport report =
                EvaluationReport.of(
                        consistency, types, -0.6, Set.of(AnomalyType.SIGNATURE_MISMATCH));
        DetectionMetrics metrics =
                DetectionMetrics.of(
                        LabelledScores.ofConsistency(
                                consistency, LABELS, Set.of("SIGNATURE_MISMATCH")),
                        0.6);

        // -0.6 sits exactly on the threshold: flagged by neither convention.
        assertThat(metrics.confusion()).isEqualTo(report.confusion());
        assertThat(metrics.byType()).isEqualTo(report.byType());
        assertThat(metrics.auroc()).isEqualTo(report.auroc());
        assertThat(metrics.auprc()).isEqualTo(report.auprc());
    }

    @Test
    void rejectsBadInputWithTheRecordConcerned() {
        assertThatThrownBy(
                        () ->
                                LabelledScores.of(
                                        new double[] {0.1, Double.NaN},
                                        List.of("NORMAL", "NORMAL"),
                                        Set.of("OUTLIER")))
                .hasMessageContaining("record 1");
        assertThatThrownBy(
                        () ->
                                LabelledScores.of(
                                        new double[] {0.1}, List.of("NORMAL"), Set.of("NORMAL")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
