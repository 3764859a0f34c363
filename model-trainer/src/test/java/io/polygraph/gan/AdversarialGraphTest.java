package io.polygraph.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdversarialGraphTest {

    private static final double RATE = 0.1;
    private static final Player A = new Player("a_", "loss_a", RATE, 0.5);
    private static final Player B = new Player("b_", "loss_b", RATE, 0.5);

    /**
     * Two scalar players: A minimises {@code (a x - sg(b) x)^2}, B minimises {@code (b x - 3)^2 +
     * sg(a) b x}, so each loss reads the other player's variable only through a stop.
     */
    private static SameDiff twoPlayers(float a, float b) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 1);
        SDVariable va = sd.var("a_w", Nd4j.scalar(DataType.FLOAT, a).reshape(1, 1));
        SDVariable vb = sd.var("b_w", Nd4j.scalar(DataType.FLOAT, b).reshape(1, 1));
        SDVariable gap = sd.mmul(x, va).sub(sd.mmul(x, GradientStop.of(vb)));
        sd.mean(gap.mul(gap)).rename("loss_a");
        SDVariable fit = sd.mmul(x, vb).sub(3.0);
        SDVariable coupling = sd.mean(sd.mmul(x, vb).mul(GradientStop.of(va)));
        sd.mean(fit.mul(fit)).add(coupling).rename("loss_b");
        return sd;
    }

    private static Map<String, INDArray> ones() {
        return Map.of("x", Nd4j.ones(DataType.FLOAT, 4, 1));
    }

    private static float value(AdversarialGraph game, String name) {
        return game.graph().getArrForVarName(name).getFloat(0);
    }

    @Test
    void eachPlayersGradientIsThatOfItsOwnLossAlone() {
        AdversarialGraph game = new AdversarialGraph(twoPlayers(2f, 1f), List.of(A, B));

        // d/da (a - b)^2 = 2 (a - b) = 2; d/db [(b - 3)^2 + a b] = 2 (b - 3) + a = -2.
        assertThat(game.gradients(A, ones()).get("a_w").getDouble(0)).isCloseTo(2.0, within(1e-6));
        assertThat(game.gradients(B, ones()).get("b_w").getDouble(0)).isCloseTo(-2.0, within(1e-6));
    }

    @Test
    void aStepMovesItsPlayerByAdamsFirstStepAndLeavesTheOtherBitForBit() {
        AdversarialGraph game = new AdversarialGraph(twoPlayers(2f, 1f), List.of(A, B));

        double loss = game.step(A, ones());

        // Adam's bias-corrected first step is the learning rate against the gradient's sign.
        assertThat(loss).isCloseTo(1.0, within(1e-6));
        assertThat(value(game, "a_w")).isCloseTo(2f - (float) RATE, within(1e-6f));
        assertThat(value(game, "b_w")).isEqualTo(1f);

        game.step(B, ones());

        assertThat(value(game, "a_w")).isCloseTo(2f - (float) RATE, within(1e-6f));
        assertThat(value(game, "b_w")).isCloseTo(1f + (float) RATE, within(1e-6f));
    }

    @Test
    void refusesAVariableThatNoPlayerOwns() {
        SameDiff sd = twoPlayers(2f, 1f);
        sd.var("c_w", Nd4j.ones(DataType.FLOAT, 1, 1));

        assertThatThrownBy(() -> new AdversarialGraph(sd, List.of(A, B)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c_w")
                .hasMessageContaining("exactly one player");
    }

    @Test
    void refusesPrefixesThatBothClaimAVariable() {
        Player greedy = new Player("a", "loss_b", RATE, 0.5);

        assertThatThrownBy(() -> new AdversarialGraph(twoPlayers(2f, 1f), List.of(A, greedy)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a_w")
                .hasMessageContaining("[a_, a]");
    }

    @Test
    void refusesAPlayerWithoutVariablesOrLoss() {
        Player idle = new Player("z_", "loss_b", RATE, 0.5);
        Player lossless = new Player("b_", "loss_c", RATE, 0.5);

        assertThatThrownBy(() -> new AdversarialGraph(twoPlayers(2f, 1f), List.of(A, B, idle)))
                .hasMessageContaining("z_ owns no trainable variable");
        assertThatThrownBy(() -> new AdversarialGraph(twoPlayers(2f, 1f), List.of(A, lossless)))
                .hasMessageContaining("no loss loss_c");
    }
}
