package io.polygraph.unsupervised;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.eval.RankingMetrics;
import io.polygraph.train.AutoencoderConfig;
import io.polygraph.train.AutoencoderTrainer;
import io.polygraph.train.TrainingListener;
import io.polygraph.train.TrainingProgress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DUAD on 1,000 manifold rows with 10 % isotropic anomalies, against the same autoencoder trained
 * for as many epochs on all rows, both scored on held-out rows with the same contamination.
 */
class DuadTrainerTest {

    // A bottleneck wider than the 3-D manifold: the spare capacity is what lets an autoencoder
    // trained on contaminated rows learn to reconstruct anomalies.
    private static final AutoencoderConfig AUTOENCODER =
            new AutoencoderConfig(List.of(32), 8, 64, 3e-3, 0.0, 1e-5, 17);
    private static final SelectionConfig SELECTION =
            SelectionConfig.defaults().withReselectEvery(5).withMaxRounds(6);

    private static final ContaminatedManifold DATA = new ContaminatedManifold();
    private static final ContaminatedManifold.Sample TRAIN = DATA.sample(1000, 100, 1);
    private static final ContaminatedManifold.Sample TEST = DATA.sample(600, 60, 101);
    private static final List<String> stages = new ArrayList<>();
    private static final List<TrainingProgress> epochEnds = new ArrayList<>();
    private static DuadResult duad;

    @BeforeAll
    static void train() {
        duad =
                new DuadTrainer(SELECTION, AUTOENCODER)
                        .train(
                                TRAIN.x(),
                                TRAIN.anomalous(),
                                new TrainingListener() {
                                    @Override
                                    public void onStage(String stage) {
                                        stages.add(stage);
                                    }

                                    @Override
                                    public void onEpochEnd(TrainingProgress progress) {
                                        epochEnds.add(progress);
                                    }
                                });
    }

    @Test
    void everySelectionHoldsFewerAnomaliesThanTheData() {
        assertThat(duad.rounds())
                .allSatisfy(round -> assertThat(round.anomalyShare()).isLessThan(0.10));
        assertThat(anomalyShare(duad.trainedOn(), TRAIN.anomalous())).isLessThan(0.03);
    }

    @Test
    void scoresHeldOutRowsAtLeastAsWellAsTheAutoencoderTrainedOnAllRows() {
        AutoencoderTrainer plain = AutoencoderTrainer.fittedTo(AUTOENCODER, TRAIN.x());
        plain.train(TRAIN.x(), null, duad.epochLosses().length, TrainingListener.NONE);

        double[] duadScores = duad.model().scores(TEST.x());
        double[] plainScores = plain.model().scores(TEST.x());

        assertThat(RankingMetrics.auroc(duadScores, TEST.anomalous()))
                .isGreaterThanOrEqualTo(RankingMetrics.auroc(plainScores, TEST.anomalous()));
        assertThat(RankingMetrics.averagePrecision(duadScores, TEST.anomalous()))
                .isGreaterThanOrEqualTo(
                        RankingMetrics.averagePrecision(plainScores, TEST.anomalous()));
    }

    @Test
    void historyHasEveryRoundAndEveryEpochLoss() {
        int trainingRounds = duad.rounds().size() - 1;
        assertThat(trainingRounds).isBetween(1, SELECTION.maxRounds());
        assertThat(duad.converged()).isEqualTo(duad.lastRound().changedRows() == 0);
        assertThat(duad.epochLosses()).hasSize(trainingRounds * SELECTION.reselectEvery());
        assertThat(epochEnds).hasSize(duad.epochLosses().length);
        for (int r = 0; r <= trainingRounds; r++) {
            assertThat(duad.rounds().get(r).round()).isEqualTo(r);
            assertThat(duad.rounds().get(r).epochsTrained())
                    .isEqualTo(r * SELECTION.reselectEvery());
        }
        assertThat(stages).startsWith("scaling the inputs", "selecting on the inputs");
        assertThat(stages).contains("round 1: selecting on the embeddings");
    }

    @Test
    void labelsOnlyFeedTheReport() {
        SelectionConfig short_ = SELECTION.withReselectEvery(2).withMaxRounds(2);
        DuadTrainer trainer = new DuadTrainer(short_, AUTOENCODER);

        DuadResult withLabels = trainer.train(TRAIN.x(), TRAIN.anomalous(), TrainingListener.NONE);
        DuadResult without = trainer.train(TRAIN.x(), TrainingListener.NONE);

        assertThat(without.model().scores(TEST.x()))
                .containsExactly(withLabels.model().scores(TEST.x()));
        assertThat(without.trainedOn()).containsExactly(withLabels.trainedOn());
        assertThat(without.rounds()).allSatisfy(r -> assertThat(r.anomalyShare()).isNaN());
        assertThat(withLabels.rounds()).allSatisfy(r -> assertThat(r.anomalyShare()).isFinite());
    }

    private static double anomalyShare(boolean[] selected, boolean[] anomalous) {
        int kept = 0;
        int anomalies = 0;
        for (int i = 0; i < selected.length; i++) {
            kept += selected[i] ? 1 : 0;
            anomalies += selected[i] && anomalous[i] ? 1 : 0;
        }
        return (double) anomalies / kept;
    }
}
