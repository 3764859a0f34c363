package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.detector.RowAnomalyModel;
import io.polygraph.gan.TrainingDivergedException;
import io.polygraph.world.WorldJoin.LabelledRecord;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained model whose scores on its training rows rank nothing never becomes a detector: the
 * shared row-model steps stop before calibration. The "trainer" here returns a fake model that
 * scores each row by a fixed function, so the check is exercised without waiting for a GAN to
 * diverge.
 */
class RowModelDetectorTrainingDivergenceTest {

    private static List<LabelledRecord> records;

    @BeforeAll
    static void world() {
        records = TestDetectors.world(101, 12, 5);
    }

    private static RowModelDetectorTraining.Outcome<FakeModel> train(
            ToDoubleFunction<double[]> score, AtomicInteger scoredBatches) {
        return new RowModelDetectorTraining(
                        "fake",
                        "fake.bin",
                        "fake",
                        new RowModelDetectorTraining.Split(0.3, 3, 5, 0.05))
                .run(
                        records,
                        rows -> new FakeModel((int) rows.size(1), score, scoredBatches),
                        model -> model,
                        TrainingListener.NONE);
    }

    @Test
    void aModelWhoseScoresAreAllEqualIsRejectedBeforeCalibration() {
        AtomicInteger scoredBatches = new AtomicInteger();

        assertThatThrownBy(() -> train(row -> 0.5, scoredBatches))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageStartingWith("training diverged: fake raw scores all equal 0.5 on");
        // Only the training rows were scored: no held-out record reached calibration.
        assertThat(scoredBatches).hasValue(1);
    }

    @Test
    void aModelWithANonFiniteScoreIsRejected() {
        assertThatThrownBy(() -> train(row -> Double.NaN, new AtomicInteger()))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageStartingWith(
                        "training diverged: fake raw scores NaN on training row 0 of");
    }

    @Test
    void aModelThatRanksTheRowsIsCalibratedAndEvaluated() {
        AtomicInteger scoredBatches = new AtomicInteger();

        RowModelDetectorTraining.Outcome<FakeModel> outcome =
                train(row -> Arrays.stream(row).sum(), scoredBatches);

        assertThat(outcome.report().summary()).contains("AUROC");
        assertThat(scoredBatches.get()).isGreaterThan(1);
    }

    /** Scores each row by {@code score} and counts the batches it scored. */
    private record FakeModel(int width, ToDoubleFunction<double[]> score, AtomicInteger batches)
            implements RowAnomalyModel {

        @Override
        public double[] rawScores(INDArray rows) {
            batches.incrementAndGet();
            return Arrays.stream(rows.toDoubleMatrix()).mapToDouble(score).toArray();
        }

        @Override
        public void save(OutputStream out) {
            throw new UnsupportedOperationException("never saved");
        }
    }
}
