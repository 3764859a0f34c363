package io.polygraph.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polygraph.schema.AnomalyType;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

    private static final List<AnomalyType> TYPES =
            List.of(
                    AnomalyType.SIGNATURE_MISMATCH,
                    AnomalyType.BEHAVIOUR_PROFILE_MISMATCH,
                    AnomalyType.NORMAL,
                    AnomalyType.NORMAL,
                    AnomalyType.NORMAL,
                    AnomalyType.OUTLIER);

    // Consistency scores: lower is more anomalous.
    private static final double[] SCORES = {-0.9, 0.5, -0.4, 0.6, 0.8, -0.95};

    @Test
    void leavesTypesOutsideThePositivesOutOfTheHeadline() {
        EvaluationReport report =
                EvaluationReport.of(SCORES, TYPES, 0.0, EvaluationReport.CROSS_MODAL);

        // Flagged below 0: the signature mismatch (TP), one normal (FP); the outlier is left out.
        assertThat(report.evaluated()).isEqualTo(5);
        assertThat(report.excluded()).isEqualTo(1);
        assertThat(report.confusion()).isEqualTo(new ConfusionCounts(1, 1, 2, 1));
        assertThat(report.precision()).isEqualTo(0.5);
        assertThat(report.recall()).isEqualTo(0.5);
        assertThat(report.byType().get("OUTLIER").flagged()).isEqualTo(1);
        assertThat(report.byType().get("NORMAL").flaggedShare()).isCloseTo(1.0 / 3, within(1e-12));
        // Ranking: -0.9 (P), -0.4 (N), 0.5 (P), 0.6 (N), 0.8 (N): 5 of 6 pairs in order.
        assertThat(report.auroc()).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void survivesJsonRoundTrip() throws Exception {
        EvaluationReport report =
                EvaluationReport.of(SCORES, TYPES, 0.0, EvaluationReport.CROSS_MODAL);
        ObjectMapper mapper = new ObjectMapper();

        EvaluationReport read =
                mapper.readValue(mapper.writeValueAsString(report), EvaluationReport.class);

        assertThat(read).isEqualTo(report);
        assertThat(report.summary()).contains("AUROC").contains("SIGNATURE_MISMATCH");
    }
}
