package io.polygraph.gan.bigan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.gan.PlantedClusters;
import io.polygraph.mixture.MixtureCluster;
import io.polygraph.mixture.MixtureConfig;
import io.polygraph.train.TrainingListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One tiny IGMM-BiGAN trained on three normal clusters; anomalies planted at their centroid and
 * held out of training. The learning rate is 1e-3, not the default 1e-5, so that 40 epochs of 400
 * rows learn something.
 */
class BiganDetectionTest {

    private static final int TRAINING_ROWS = 400;
    private static final int EPOCHS = 40;

    private static INDArray training;
    private static INDArray heldOutNormal;
    private static INDArray planted;
    private static BiganTraining result;

    @BeforeAll
    static void train() {
        PlantedClusters data = new PlantedClusters(2024);
        training = data.normal(TRAINING_ROWS);
        heldOutNormal = data.normal(300);
        planted = data.anomalies(100);
        BiganConfig config =
                BiganConfig.builder()
                        .encoderHidden(List.of(32))
                        .generatorHidden(List.of(32))
                        .discriminatorHidden(List.of(32))
                        .latentWidth(3)
                        .learningRate(1e-3)
                        .batchSize(50)
                        .epochs(EPOCHS)
                        .mixture(MixtureConfig.defaults().withSeed(11))
                        .seed(11)
                        .build();
        result = new BiganTrainer(config).train(training, TrainingListener.NONE);
    }

    @Test
    void theMixtureScoreRanksPlantedAnomaliesAboveHeldOutNormalRows() {
        BiganScores normal = result.model().scores(heldOutNormal);
        BiganScores anomalies = result.model().scores(planted);

        double igmm = PlantedClusters.auroc(normal.igmm(), anomalies.igmm());
        double singleGaussian =
                PlantedClusters.auroc(normal.singleGaussian(), anomalies.singleGaussian());

        assertThat(igmm).isGreaterThanOrEqualTo(0.9);
        // The anomalies sit inside the cloud of all normal rows: one Gaussian cannot see them.
        assertThat(igmm - singleGaussian).isGreaterThan(0.3);
    }

    @Test
    void theMixtureKeepsOnlyClustersAboveTheMinimumSize() {
        List<MixtureCluster> clusters = result.model().mixture().clusters();

        assertThat(clusters).hasSizeBetween(2, 3);
        assertThat(clusters).allSatisfy(c -> assertThat(c.size()).isGreaterThan(50));
        assertThat(clusters.stream().mapToInt(MixtureCluster::size).sum())
                .isLessThanOrEqualTo(TRAINING_ROWS);
        assertThat(result.model().singleGaussian().size()).isEqualTo(TRAINING_ROWS);
    }

    @Test
    void theEncoderAndGeneratorLearnToReconstructHeldOutRows() {
        double[] errors = result.model().reconstructionError(heldOutNormal);
        double[] losses = result.encoderGeneratorLosses();

        // Untrained networks of this size reconstruct standardised rows 1.8 to 2.7 units off.
        assertThat(Arrays.stream(errors).average().orElseThrow()).isLessThan(0.6);
        assertThat(losses[EPOCHS - 1]).isLessThan(losses[0] / 2);
        assertThat(Arrays.stream(result.discriminatorLosses()).filter(Double::isFinite))
                .hasSize(EPOCHS);
    }

    @Test
    void theScoresAgreeWithTheirParts() {
        BiganModel model = result.model();
        BiganScores scores = model.scores(planted);
        double[][] latent = model.encode(planted).toDoubleMatrix();

        assertThat(model.igmmScore(planted)).containsExactly(scores.igmm());
        assertThat(model.egbadScore(planted)).containsExactly(scores.egbad());
        assertThat(model.singleGaussianScore(planted)).containsExactly(scores.singleGaussian());
        assertThat(latent).hasNumberOfRows(100);
        assertThat(latent[0]).hasSize(3);
        assertThat(scores.igmm()[4]).isEqualTo(model.mixture().score(latent[4]));
        double alpha = model.egbadWeight();
        assertThat(scores.egbad()[4])
                .isEqualTo(
                        alpha * scores.reconstructionError()[4]
                                + (1 - alpha) * scores.discriminatorCrossEntropy()[4]);
        assertThat(Arrays.stream(scores.discriminatorCrossEntropy()).allMatch(ce -> ce > 0))
                .isTrue();
    }

    @Test
    void aSavedAndLoadedModelScoresExactlyAsTheOriginal() throws IOException {
        BiganModel model = result.model();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);

        BiganModel loaded = BiganModel.load(new ByteArrayInputStream(bytes.toByteArray()));

        INDArray rows = Nd4j.concat(0, heldOutNormal, planted);
        BiganScores before = model.scores(rows);
        BiganScores after = loaded.scores(rows);
        assertThat(after.igmm()).containsExactly(before.igmm());
        assertThat(after.egbad()).containsExactly(before.egbad());
        assertThat(after.singleGaussian()).containsExactly(before.singleGaussian());
        assertThat(after.reconstructionError()).containsExactly(before.reconstructionError());
        assertThat(loaded.mixture().clusters()).hasSameSizeAs(model.mixture().clusters());
        assertThat(loaded.standardizer()).isEqualTo(model.standardizer());
        assertThat(loaded.egbadWeight()).isEqualTo(model.egbadWeight());
    }

    @Test
    void aRowScoresTheSameAloneAsInABatch() {
        BiganModel model = result.model();
        BiganScores batch = model.scores(planted);

        BiganScores alone = model.scores(planted.getRows(7));

        assertThat(alone.igmm()[0]).isEqualTo(batch.igmm()[7]);
        assertThat(alone.egbad()[0]).isEqualTo(batch.egbad()[7]);
    }

    @Test
    void everyCallEncodesEachRowAsItWouldAlone() {
        BiganModel model = result.model();
        INDArray rows = planted.getRows(0, 1, 2, 3, 4);

        double[][] first = model.encode(rows).toDoubleMatrix();
        double[][] second = model.encode(rows).toDoubleMatrix();

        assertThat(second).isDeepEqualTo(first);
        for (int i = 0; i < 5; i++) {
            assertThat(model.encode(planted.getRows(i)).toDoubleMatrix()[0])
                    .as("row %d", i)
                    .containsExactly(first[i]);
        }
    }

    @Test
    void malformedInputIsRefusedWithTheReason() {
        BiganModel model = result.model();

        assertThatThrownBy(() -> model.scores(Nd4j.zeros(4, PlantedClusters.WIDTH + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected [rows, 3] features, got shape [4, 4]");
        assertThatThrownBy(
                        () ->
                                BiganModel.load(
                                        new ByteArrayInputStream(new byte[] {0, 3, 'a', 'b', 'c'})))
                .isInstanceOf(IOException.class)
                .hasMessage("not an IGMM-BiGAN model stream: magic 'abc'");
    }
}
