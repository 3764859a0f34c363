package io.polygraph.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.schema.AnomalyLabel;
import io.polygraph.schema.AnomalyType;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertEvaluationTest {

    private static final List<AnomalyLabel> LABELS =
            List.of(
                    label("t1", AnomalyType.NORMAL),
                    label("t2", AnomalyType.NORMAL),
                    label("t3", AnomalyType.SIGNATURE_MISMATCH),
                    label("t4", AnomalyType.SIGNATURE_MISMATCH),
                    label("t5", AnomalyType.BEHAVIOUR_PROFILE_MISMATCH),
                    label("t6", AnomalyType.OUTLIER));

    @Test
    void countsDistinctAlertsAgainstLabels() {
        AlertEvaluation evaluation =
                AlertEvaluation.of(LABELS, List.of("t1", "t3", "t3", "t5", "t6", "elsewhere"));

        assertThat(evaluation.alertedTransactions()).isEqualTo(5);
        assertThat(evaluation.truePositives()).isEqualTo(3);
        assertThat(evaluation.falsePositives()).isEqualTo(1);
        assertThat(evaluation.unknownAlerts()).isEqualTo(1);
        assertThat(evaluation.precision()).isCloseTo(0.75, within(1e-9));
        assertThat(evaluation.recall(AnomalyType.SIGNATURE_MISMATCH)).isCloseTo(0.5, within(1e-9));
        assertThat(evaluation.recall(AnomalyType.OUTLIER)).isCloseTo(1.0, within(1e-9));
        // Cross-modal: t3 and t5 found of t3, t4, t5.
        assertThat(evaluation.crossModalRecall()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void noAlertsMeansZeroPrecisionAndRecall() {
        AlertEvaluation evaluation = AlertEvaluation.of(LABELS, List.of());

        assertThat(evaluation.precision()).isZero();
        assertThat(evaluation.crossModalRecall()).isZero();
    }

    @Test
    void latencyPercentilesUseNearestRank() {
        LatencyStats stats =
                LatencyStats.of(List.of(5.0, 1.0, 4.0, 2.0, 3.0, 10.0, 9.0, 8.0, 7.0, 6.0));

        assertThat(stats.count()).isEqualTo(10);
        assertThat(stats.p50()).isEqualTo(5.0);
        assertThat(stats.p90()).isEqualTo(9.0);
        assertThat(stats.p99()).isEqualTo(10.0);
        assertThat(stats.max()).isEqualTo(10.0);
    }

    private static AnomalyLabel label(String transactionId, AnomalyType type) {
        return new AnomalyLabel(transactionId, "cust-1", type, "");
    }
}
