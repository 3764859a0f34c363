package io.polygraph.gan.mmoc;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.gan.GaussianNoise;
import io.polygraph.gan.Player;
import io.polygraph.train.PairGraphs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * MMOC-GAN's graph sums both losses; the stops must make each network's gradient that of its own
 * loss alone, and a step of one network must leave the other (and the target) untouched.
 */
class MmocGradientSeparationTest {

    private static final int WIDTH = 3;
    private static final int ROWS = 16;
    private static final long SEED = 5;

    private static MmocConfig config(CodeInput input) {
        return MmocConfig.builder()
                .discriminatorHidden(List.of(8, 8))
                .generatorHidden(List.of(8))
                .noiseWidth(4)
                .codes(3)
                .codeInput(input)
                .build();
    }

    /** The same graph (same seed, same weights) every call. */
    private static ComplementaryGanGraph graph(CodeInput input) {
        SplittableRandom random = new SplittableRandom(SEED);
        DensityTargetGraph target = DensityTargetGraph.build(WIDTH, config(input), random);
        return ComplementaryGanGraph.build(WIDTH, config(input), target.network, 0.1, random);
    }

    private static Map<String, INDArray> batch() {
        SplittableRandom random = new SplittableRandom(9);
        float[] codes = new float[ROWS * 3];
        for (int i = 0; i < ROWS; i++) {
            codes[i * 3 + i % 3] = 1f;
        }
        return Map.of(
                ComplementaryGanGraph.REAL, GaussianNoise.sample(ROWS, WIDTH, random),
                ComplementaryGanGraph.NOISE, GaussianNoise.sample(ROWS, 4, random),
                ComplementaryGanGraph.CODES, Nd4j.createFromArray(codes).reshape(ROWS, 3));
    }

    /** The gradient of {@code player}'s loss alone, from a graph whose only loss it is. */
    private static Map<String, INDArray> ownLossGradient(CodeInput input, Player player) {
        ComplementaryGanGraph reference = graph(input);
        SameDiff sd = reference.game.graph();
        sd.setLossVariables(player.lossName());
        PairGraphs.createGradientQuietly(sd);
        return sd.calculateGradients(batch(), reference.game.variableNames(player));
    }

    /** Exact values by name (INDArray's own equals has a tolerance). */
    private static Map<String, List<Float>> copies(SameDiff sd, VariableType type) {
        Map<String, List<Float>> values = new HashMap<>();
        for (SDVariable variable : sd.variables()) {
            if (variable.getVariableType() == type) {
                float[] data = variable.getArr().dup().data().asFloat();
                values.put(
                        variable.name(),
                        IntStream.range(0, data.length).mapToObj(i -> data[i]).toList());
            }
        }
        return values;
    }

    @ParameterizedTest
    @EnumSource(CodeInput.class)
    void eachNetworksGradientIsItsOwnLossesGradient(CodeInput input) {
        ComplementaryGanGraph gan = graph(input);

        for (Player player : List.of(gan.discriminator, gan.generator)) {
            Map<String, INDArray> combined = gan.game.gradients(player, batch());
            Map<String, INDArray> own = ownLossGradient(input, player);

            assertThat(combined.keySet()).isEqualTo(own.keySet());
            for (String name : own.keySet()) {
                double scale = Math.max(1e-3, own.get(name).amaxNumber().doubleValue());
                double gap = combined.get(name).sub(own.get(name)).amaxNumber().doubleValue();
                assertThat(gap / scale).as("%s of %s", name, player.prefix()).isLessThan(1e-5);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CodeInput.class)
    void aStepOfOneNetworkLeavesTheOtherAndTheTargetBitForBit(CodeInput input) {
        ComplementaryGanGraph gan = graph(input);
        SameDiff sd = gan.game.graph();
        Map<String, List<Float>> constants = copies(sd, VariableType.CONSTANT);

        for (Player mover : List.of(gan.discriminator, gan.generator)) {
            Player other = mover == gan.discriminator ? gan.generator : gan.discriminator;
            Map<String, List<Float>> before = copies(sd, VariableType.VARIABLE);

            gan.game.step(mover, batch());

            Map<String, List<Float>> after = copies(sd, VariableType.VARIABLE);
            for (String name : gan.game.variableNames(other)) {
                assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
            }
            for (String name : gan.game.variableNames(mover)) {
                assertThat(after.get(name)).as(name).isNotEqualTo(before.get(name));
            }
        }
        assertThat(copies(sd, VariableType.CONSTANT)).isEqualTo(constants);
    }
}
