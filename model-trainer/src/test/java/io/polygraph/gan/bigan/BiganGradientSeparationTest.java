package io.polygraph.gan.bigan;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.gan.GaussianNoise;
import io.polygraph.gan.Player;
import io.polygraph.train.PairGraphs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * IGMM-BiGAN's graph sums the discriminator's and the encoder/generator's losses; the stops must
 * make each player's gradient that of its own loss alone, and a step of one player must leave the
 * other untouched.
 */
class BiganGradientSeparationTest {

    private static final int WIDTH = 3;
    private static final int LATENT = 2;
    private static final int ROWS = 16;
    private static final long SEED = 5;

    private static final BiganConfig CONFIG =
            BiganConfig.builder()
                    .encoderHidden(List.of(8))
                    .generatorHidden(List.of(8))
                    .discriminatorHidden(List.of(8, 8))
                    .latentWidth(LATENT)
                    .learningRate(1e-3)
                    .build();

    /** The same graph (same seed, same weights) every call. */
    private static BiganGraph graph() {
        return BiganGraph.build(WIDTH, CONFIG, new SplittableRandom(SEED));
    }

    private static Map<String, INDArray> batch() {
        SplittableRandom random = new SplittableRandom(9);
        return Map.of(
                BiganGraph.REAL, GaussianNoise.sample(ROWS, WIDTH, random),
                BiganGraph.NOISE, GaussianNoise.sample(ROWS, LATENT, random));
    }

    /** The gradient of {@code player}'s loss alone, from a graph whose only loss it is. */
    private static Map<String, INDArray> ownLossGradient(Player player) {
        BiganGraph reference = graph();
        SameDiff sd = reference.game.graph();
        sd.setLossVariables(player.lossName());
        PairGraphs.createGradientQuietly(sd);
        return sd.calculateGradients(batch(), reference.game.variableNames(player));
    }

    /** Exact values by name (INDArray's own equals has a tolerance). */
    private static Map<String, List<Float>> trainableValues(SameDiff sd) {
        Map<String, List<Float>> values = new HashMap<>();
        for (SDVariable variable : sd.variables()) {
            if (variable.getVariableType() == VariableType.VARIABLE) {
                float[] data = variable.getArr().dup().data().asFloat();
                values.put(
                        variable.name(),
                        IntStream.range(0, data.length).mapToObj(i -> data[i]).toList());
            }
        }
        return values;
    }

    @Test
    void theEncoderAndGeneratorAreOnePlayerAndTheDiscriminatorTheOther() {
        BiganGraph gan = graph();

        List<String> encoderGenerator = gan.game.variableNames(gan.encoderGenerator);
        List<String> discriminator = gan.game.variableNames(gan.discriminator);

        assertThat(encoderGenerator)
                .anyMatch(name -> name.startsWith(BiganGraph.ENCODER_GENERATOR_PREFIX + "e_"))
                .anyMatch(name -> name.startsWith(BiganGraph.ENCODER_GENERATOR_PREFIX + "g_"));
        assertThat(discriminator)
                .contains("bigan_d_x0_w", "bigan_d_z0_w", "bigan_d_h0_w", "bigan_d_out_w");
    }

    @Test
    void eachPlayersGradientIsItsOwnLossesGradient() {
        BiganGraph gan = graph();

        for (Player player : List.of(gan.discriminator, gan.encoderGenerator)) {
            Map<String, INDArray> combined = gan.game.gradients(player, batch());
            Map<String, INDArray> own = ownLossGradient(player);

            assertThat(combined.keySet()).isEqualTo(own.keySet());
            for (String name : own.keySet()) {
                double scale = Math.max(1e-3, own.get(name).amaxNumber().doubleValue());
                double gap = combined.get(name).sub(own.get(name)).amaxNumber().doubleValue();
                assertThat(gap / scale).as("%s of %s", name, player.prefix()).isLessThan(1e-5);
            }
        }
    }

    @Test
    void aStepOfOnePlayerLeavesTheOtherBitForBit() {
        BiganGraph gan = graph();
        SameDiff sd = gan.game.graph();

        for (Player mover : List.of(gan.discriminator, gan.encoderGenerator)) {
            Player other = mover == gan.discriminator ? gan.encoderGenerator : gan.discriminator;
            Map<String, List<Float>> before = trainableValues(sd);

            gan.game.step(mover, batch());

            Map<String, List<Float>> after = trainableValues(sd);
            for (String name : gan.game.variableNames(other)) {
                assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
            }
            for (String name : gan.game.variableNames(mover)) {
                assertThat(after.get(name)).as(name).isNotEqualTo(before.get(name));
            }
        }
    }
}
