package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.eval.RankingMetrics;
import io.polygraph.unsupervised.ContaminatedManifold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Trains one small autoencoder on clean manifold data and checks what it learned. */
class AutoencoderTrainerTest {

    static final AutoencoderConfig CONFIG =
            new AutoencoderConfig(List.of(32), 3, 64, 3e-3, 0.0, 1e-5, 17);
    private static final int EPOCHS = 30;

    private static final ContaminatedManifold DATA = new ContaminatedManifold();
    private static final List<TrainingProgress> progress = new ArrayList<>();
    private static double[][] train;
    private static AutoencoderTrainer trainer;
    private static double[] losses;
    private static AutoencoderModel model;

    @BeforeAll
    static void trainOnNormalRows() {
        train = DATA.sample(800, 0, 1).x();
        trainer = AutoencoderTrainer.fittedTo(CONFIG, train);
        losses =
                trainer.train(
                        train,
                        null,
                        EPOCHS,
                        new TrainingListener() {
                            @Override
                            public void onBatch(TrainingProgress update) {
                                progress.add(update);
                            }
                        });
        model = trainer.model();
    }

    @Test
    void reconstructionAngleSeparatesOffManifoldRows() {
        ContaminatedManifold.Sample test = DATA.sample(600, 60, 2);

        double[] scores = model.scores(test.x());

        assertThat(RankingMetrics.auroc(scores, test.anomalous())).isGreaterThan(0.9);
        assertThat(Arrays.stream(scores).boxed())
                .allSatisfy(s -> assertThat(s).isBetween(0.0, Math.PI));
    }

    @Test
    void lossFallsAndEveryBatchIsReported() {
        assertThat(losses).hasSize(EPOCHS);
        assertThat(losses[EPOCHS - 1]).isLessThan(losses[0] / 3);
        // 800 rows in batches of 64: 12 full batches and one of 32.
        assertThat(progress).hasSize(EPOCHS * 13);
        TrainingProgress last = progress.get(progress.size() - 1);
        assertThat(last.batchesDone()).isEqualTo(last.totalBatches());
        assertThat(last.loss()).isCloseTo(losses[EPOCHS - 1], within(1e-9));
        assertThat(progress).allSatisfy(p -> assertThat(p.loss()).isFinite().isPositive());
    }

    @Test
    void encodingIsTheUnitLengthCodeAndAngle() {
        double[][] rows = Arrays.copyOf(train, 50);

        double[][] z = model.encode(rows);
        double[] scores = model.scores(rows);

        for (int i = 0; i < rows.length; i++) {
            assertThat(z[i]).hasSize(CONFIG.bottleneck() + 1);
            double norm = Math.sqrt(Arrays.stream(z[i]).map(v -> v * v).sum());
            assertThat(norm).isCloseTo(1.0, within(1e-9));
            // z_r / |z| is the score scaled by the same norm as the code.
            assertThat(z[i][CONFIG.bottleneck()]).isPositive();
            assertThat(scores[i]).isPositive();
        }
    }

    @Test
    void continuedTrainingOnASubsetLeavesAnEarlierModelUnchanged() {
        double[][] probe = Arrays.copyOf(train, 20);
        AutoencoderTrainer other = AutoencoderTrainer.fittedTo(CONFIG.withSeed(3), train);
        other.train(train, null, 1, TrainingListener.NONE);
        AutoencoderModel before = other.model();
        double[] scoresBefore = before.scores(probe);
        boolean[] firstHalf = new boolean[train.length];
        Arrays.fill(firstHalf, 0, train.length / 2, true);

        double[] more = other.train(train, firstHalf, 2, TrainingListener.NONE);

        assertThat(more).hasSize(2);
        assertThat(other.epochsTrained()).isEqualTo(3);
        assertThat(before.scores(probe)).containsExactly(scoresBefore);
        assertThat(other.model().scores(probe)).isNotEqualTo(scoresBefore);
    }

    @Test
    void refusesToTrainOnFewerThanTwoRows() {
        boolean[] one = new boolean[train.length];
        one[0] = true;

        assertThatThrownBy(() -> trainer.train(train, one, 1, TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 rows");
    }
}
