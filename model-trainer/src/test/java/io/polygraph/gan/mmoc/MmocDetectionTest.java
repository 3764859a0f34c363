package io.polygraph.gan.mmoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.gan.PlantedClusters;
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

/** One tiny MMOC-GAN trained on three normal clusters; outliers planted between them. */
class MmocDetectionTest {

    private static final int TRAINING_ROWS = 400;

    private static INDArray training;
    private static INDArray heldOutNormal;
    private static INDArray planted;
    private static MmocTraining result;

    @BeforeAll
    static void train() {
        PlantedClusters data = new PlantedClusters(2024);
        training = data.normal(TRAINING_ROWS);
        heldOutNormal = data.normal(300);
        planted = data.anomalies(100);
        MmocConfig config =
                MmocConfig.builder()
                        .discriminatorHidden(List.of(32, 32))
                        .generatorHidden(List.of(32))
                        .noiseWidth(8)
                        .codes(3)
                        .batchSize(50)
                        .epochs(40)
                        .targetEpochs(20)
                        .seed(11)
                        .build();
        result = new MmocTrainer(config).train(training, TrainingListener.NONE);
    }

    @Test
    void theDiscriminatorRanksPlantedOutliersAboveHeldOutNormalRows() {
        MmocModel model = result.model();

        double auroc = PlantedClusters.auroc(model.score(heldOutNormal), model.score(planted));

        assertThat(auroc).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void scoresAreProbabilitiesAndTheThresholdFlagsAboutHalfAPercentOfTrainingRows() {
        MmocModel model = result.model();
        double[] scores = model.score(training);

        assertThat(Arrays.stream(scores).allMatch(s -> s >= 0 && s <= 1)).isTrue();
        assertThat(model.thresholdRule()).isEqualTo(ThresholdRule.TRAINING_PERCENTILE);
        long alerts = Arrays.stream(scores).filter(model::isAlert).count();
        assertThat(alerts).isBetween(1L, (long) Math.ceil(TRAINING_ROWS * 0.005));
        assertThat(result.epsilon()).isStrictlyBetween(0.0, 1.0);
        assertThat(Arrays.stream(result.discriminatorLosses()).filter(Double::isFinite))
                .hasSize(40);
        assertThat(Arrays.stream(result.generatorLosses()).filter(Double::isFinite)).hasSize(40);
    }

    @Test
    void aSavedAndLoadedModelScoresExactlyAsTheOriginal() throws IOException {
        MmocModel model = result.model();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);

        MmocModel loaded = MmocModel.load(new ByteArrayInputStream(bytes.toByteArray()));

        INDArray rows = Nd4j.concat(0, heldOutNormal, planted);
        assertThat(loaded.score(rows)).containsExactly(model.score(rows));
        assertThat(loaded.threshold()).isEqualTo(model.threshold());
        assertThat(loaded.thresholdRule()).isEqualTo(model.thresholdRule());
        assertThat(loaded.standardizer()).isEqualTo(model.standardizer());
    }

    @Test
    void aRowScoresTheSameAloneAsInABatch() {
        MmocModel model = result.model();
        double[] batch = model.score(planted);

        double alone = model.score(planted.getRows(7))[0];

        assertThat(alone).isEqualTo(batch[7]);
    }

    @Test
    void malformedInputIsRefusedWithTheReason() {
        MmocModel model = result.model();

        assertThatThrownBy(() -> model.score(Nd4j.zeros(4, PlantedClusters.WIDTH + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected [rows, 3] features, got shape [4, 4]");
        assertThatThrownBy(
                        () ->
                                MmocModel.load(
                                        new ByteArrayInputStream(new byte[] {0, 3, 'a', 'b', 'c'})))
                .isInstanceOf(IOException.class)
                .hasMessage("not an MMOC-GAN model stream: magic 'abc'");
    }
}
