package io.polygraph.eval.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.eval.LabelledScores;
import io.polygraph.eval.report.SeedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainingQuantileEvaluationTest {

    /** Scores a row by its first value. */
    private static final TrainingQuantileEvaluation.Scorer FIRST_VALUE =
            x -> java.util.Arrays.stream(x).mapToDouble(row -> row[0]).toArray();

    @Test
    void theThresholdFlagsTheAlertRateOfTheTrainingRows() {
        double[][] training = new double[100][];
        for (int i = 0; i < 100; i++) {
            training[i] = new double[] {i};
        }
        // Test rows 0..19; 15..19 are anomalies of type "odd".
        double[][] test = new double[20][];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            test[i] = new double[] {i * 5};
            labels.add(i >= 15 ? "odd" : LabelledScores.NORMAL);
        }

        SeedRun run =
                new TrainingQuantileEvaluation(7, training, 0.1, test, labels, Set.of("odd"))
                        .run(FIRST_VALUE, new double[] {0.5, 0.25}, System.nanoTime());

        // Sorted training scores 0..99: index floor(0.9 * 99) = 89; 90..99 are above it.
        assertThat(run.metrics().threshold()).isEqualTo(89.0);
        // Test scores 0, 5, ..., 95: 90 and 95 (rows 18, 19) are flagged.
        assertThat(run.metrics().confusion().truePositives()).isEqualTo(2);
        assertThat(run.metrics().confusion().falsePositives()).isZero();
        assertThat(run.metrics().recall()).isEqualTo(0.4);
        assertThat(run.trainingLoss())
                .singleElement()
                .satisfies(curve -> assertThat(curve.points()).hasSize(2));
        assertThat(run.seed()).isEqualTo(7);
    }

    @Test
    void anUntrainedDetectorHasNoLossCurve() {
        double[][] rows = {{0}, {1}, {2}};

        SeedRun run =
                new TrainingQuantileEvaluation(
                                1, rows, 0.2, rows, List.of("NORMAL", "NORMAL", "x"), Set.of("x"))
                        .run(FIRST_VALUE, new double[0], System.nanoTime());

        assertThat(run.trainingLoss()).isEmpty();
    }
}
