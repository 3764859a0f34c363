package io.polygraph.gan.bigan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.gan.PlantedClusters;
import io.polygraph.gan.UntrainableRows;
import io.polygraph.mixture.MixtureConfig;
import io.polygraph.train.TrainingListener;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class BiganConfigTest {

    private static void assertRefused(UnaryOperator<BiganConfigBuilder> change, String message) {
        assertThatThrownBy(() -> change.apply(BiganConfig.builder()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void defaultsAreTheIssuesOptimiserAndMixtureSchedule() {
        BiganConfig config = BiganConfig.defaults();

        assertThat(config.learningRate()).isEqualTo(1e-5);
        assertThat(config.beta1()).isEqualTo(0.5);
        assertThat(config.mixture()).isEqualTo(MixtureConfig.defaults());
        assertThat(config.mixture().sweeps()).isEqualTo(500);
        assertThat(config.mixture().burnIn()).isEqualTo(300);
        assertThat(config.mixture().thinning()).isEqualTo(50);
        assertThat(config.mixture().minClusterSize()).isEqualTo(50);
        assertThat(config.reconstructionWeight()).isEqualTo(1);
        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void invalidValuesAreRefusedWithTheirNameAndValue() {
        assertRefused(b -> b.latentWidth(0), "latentWidth must be at least 1, was 0");
        assertRefused(b -> b.batchSize(1), "batchSize must be at least 2, was 1");
        assertRefused(b -> b.epochs(0), "epochs must be at least 1, was 0");
        assertRefused(b -> b.learningRate(0), "learningRate must be in (0.0, 1.0), was 0.0");
        assertRefused(b -> b.beta1(1), "beta1 must be in [0.0, 0.99], was 1.0");
        assertRefused(
                b -> b.egbadWeight(1.5), "egbadWeight (alpha) must be in [0.0, 1.0], was 1.5");
        assertRefused(
                b -> b.reconstructionWeight(Double.NaN),
                "reconstructionWeight must be in [0.0, 100.0], was NaN");
        assertRefused(
                b -> b.encoderHidden(List.of(16, 0)),
                "encoderHidden layer width must be at least 1, was 0");
        assertRefused(
                b -> b.generatorHidden(List.of(-1)),
                "generatorHidden layer width must be at least 1, was -1");
    }

    @Test
    void aDiscriminatorWithoutHiddenLayerIsRefusedWithTheReason() {
        assertThatThrownBy(() -> BiganConfig.builder().discriminatorHidden(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "discriminatorHidden needs at least one layer: D(x, z) joins x and z in"
                                + " its first hidden layer");
    }

    @Test
    void missingPartsAreRefusedByName() {
        assertThatThrownBy(() -> BiganConfig.builder().mixture(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("mixture");
        assertThatThrownBy(() -> BiganConfig.builder().inputScaling(null))
                .hasMessage("inputScaling");
    }

    @Test
    void trainingRowsThatCannotBeTrainedOnAreRefusedBeforeTraining() {
        BiganTrainer trainer = new BiganTrainer(BiganConfig.defaults());

        UntrainableRows.assertRefusedBy(rows -> trainer.train(rows, TrainingListener.NONE));
    }

    @Test
    void tooFewRowsForAnyKeptClusterAreRefusedWithTheMixturesReason() {
        BiganConfig config =
                BiganConfig.builder()
                        .encoderHidden(List.of(4))
                        .generatorHidden(List.of(4))
                        .discriminatorHidden(List.of(4))
                        .latentWidth(2)
                        .epochs(1)
                        .batchSize(10)
                        .mixture(MixtureConfig.defaults().withSchedule(4, 2, 2))
                        .build();

        assertThatThrownBy(
                        () ->
                                new BiganTrainer(config)
                                        .train(
                                                new PlantedClusters(1).normal(40),
                                                TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no cluster has more than minClusterSize = 50 points");
    }
}
