package io.polygraph.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;

class DivergenceCheckTest {

    private static final Player D = new Player("d_", "d_loss", 1e-3, 0.5);
    private static final Player G = new Player("g_", "g_loss", 1e-3, 0.5);

    @Test
    void anEpochWithFiniteMeansOfEveryPlayerPasses() {
        double[][] means = {{0.7, 0.6}, {1.2, Double.NaN}};

        // Epoch 1 is read; epoch 2's NaN is not checked yet.
        assertThatCode(() -> DivergenceCheck.epochLosses("gan", List.of(D, G), means, 1))
                .doesNotThrowAnyException();
    }

    @Test
    void aNonFiniteEpochMeanNamesTheModelThePlayerTheEpochAndTheValue() {
        double[][] means = {{0.7, 0.6}, {1.2, Double.POSITIVE_INFINITY}};

        Throwable thrown =
                catchThrowable(() -> DivergenceCheck.epochLosses("gan", List.of(D, G), means, 2));

        assertThat(thrown).isInstanceOf(TrainingDivergedException.class);
        TrainingDivergedException diverged = (TrainingDivergedException) thrown;
        assertThat(diverged).hasMessage("training diverged: gan g_loss epoch 2 loss Infinity");
        assertThat(diverged.model()).isEqualTo("gan");
        assertThat(diverged.player()).isEqualTo("g_loss");
        assertThat(diverged.epoch()).isEqualTo(2);
        assertThat(diverged.value()).isInfinite();
    }

    @Test
    void scoresThatRankTheTrainingRowsPass() {
        assertThatCode(() -> DivergenceCheck.trainingScores("m", new double[] {0.1, 0.1, 0.3}))
                .doesNotThrowAnyException();
    }

    @Test
    void aNonFiniteScoreNamesItsRow() {
        assertThatThrownBy(
                        () ->
                                DivergenceCheck.trainingScores(
                                        "m", new double[] {0.1, Double.NaN, 0.3}))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessage("training diverged: m raw scores NaN on training row 1 of 3");
    }

    @Test
    void scoresThatAreAllEqualRankNothing() {
        assertThatThrownBy(() -> DivergenceCheck.trainingScores("m", new double[] {1, 1, 1}))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("all equal 1.0 on 3 training rows");
    }

    @Test
    void aNonFiniteOutputNamesWhatItIsAndItsRow() {
        assertThatThrownBy(
                        () ->
                                DivergenceCheck.finiteOutputs(
                                        "bigan",
                                        "latent codes",
                                        new double[][] {{0, 1}, {Double.NEGATIVE_INFINITY, 0}}))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessage(
                        "training diverged: bigan latent codes -Infinity on training row 1 of 2");
    }
}
