package io.polygraph.gan.mmoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.gan.UntrainableRows;
import io.polygraph.train.TrainingListener;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class MmocConfigTest {

    private static void assertRefused(UnaryOperator<MmocConfigBuilder> change, String message) {
        assertThatThrownBy(() -> change.apply(MmocConfig.builder()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void defaultsAreThePapersSizes() {
        MmocConfig config = MmocConfig.defaults();

        assertThat(config.discriminatorHidden()).containsExactly(128, 128);
        assertThat(config.generatorHidden()).containsExactly(128);
        assertThat(config.batchSize()).isEqualTo(100);
        assertThat(config.codes()).isEqualTo(10);
        assertThat(config.sigmaWeight()).isEqualTo(0.03);
        assertThat(config.thresholdRule()).isEqualTo(ThresholdRule.TRAINING_PERCENTILE);
        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void invalidValuesAreRefusedWithTheirNameAndValue() {
        assertRefused(b -> b.codes(0), "codes (m) must be at least 1, was 0");
        assertRefused(b -> b.batchSize(1), "batchSize must be at least 2, was 1");
        assertRefused(b -> b.epochs(0), "epochs must be at least 1, was 0");
        assertRefused(b -> b.noiseWidth(0), "noiseWidth must be at least 1, was 0");
        assertRefused(
                b -> b.densityPercentile(100),
                "densityPercentile must be in (0.0, 100.0), was 100.0");
        assertRefused(b -> b.learningRate(0), "learningRate must be in (0.0, 1.0), was 0.0");
        assertRefused(
                b -> b.sigmaWeight(-0.03),
                "sigmaWeight (lambda) must be in [0.0, 100.0], was -0.03");
        assertRefused(
                b -> b.entropyWeight(Double.NaN), "entropyWeight must be in [0.0, 100.0], was NaN");
        assertRefused(
                b -> b.discriminatorHidden(List.of(16, 1)),
                "discriminatorHidden layer width must be at least 2, was 1");
        assertRefused(
                b -> b.generatorHidden(List.of(16, 0)),
                "generatorHidden layer width must be at least 1, was 0");
    }

    @Test
    void aDiscriminatorWithoutHiddenLayerIsRefusedWithTheReason() {
        assertThatThrownBy(() -> MmocConfig.builder().discriminatorHidden(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("discriminatorHidden needs at least one layer")
                .hasMessageContaining("code head Q");
    }

    @Test
    void missingChoicesAreRefusedByName() {
        assertThatThrownBy(() -> MmocConfig.builder().codeInput(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("codeInput");
        assertThatThrownBy(() -> MmocConfig.builder().thresholdRule(null))
                .hasMessage("thresholdRule");
    }

    @Test
    void trainingRowsThatCannotBeTrainedOnAreRefusedBeforeTraining() {
        MmocTrainer trainer = new MmocTrainer(MmocConfig.defaults());

        UntrainableRows.assertRefusedBy(rows -> trainer.train(rows, TrainingListener.NONE));
    }
}
