package io.polygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a plan refuses, when it refuses it, and what it does with its inputs: graphs it cannot run
 * as SameDiff would fail at compile time with the op named, bad placeholders at run time.
 */
class InferencePlanContractTest {

    @Test
    void aRandomOpIsRefusedWhenCompilingWithItsName() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 4);
        sd.nn().dropout("dropped", x, 0.5);

        assertThatThrownBy(() -> InferencePlan.compile(sd, "dropped"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining(sd.getVariableOutputOp("dropped").getOwnName());
    }

    @Test
    void controlFlowIsRefusedWhenCompiling() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, 2);
        SDVariable chosen =
                sd.ifCond(
                        "chosen",
                        null,
                        s -> s.constant(Nd4j.scalar(true)),
                        s -> x.add(1),
                        s -> x.sub(1));

        assertThatThrownBy(() -> InferencePlan.compile(sd, chosen.name()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void onlyTheOpsTheOutputsNeedArePlanned() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 3);
        SDVariable doubled = x.mul("doubled", 2.0);
        sd.nn().dropout("unused", doubled, 0.5);

        InferencePlan plan = InferencePlan.compile(sd, "doubled");

        assertThat(plan.opCount()).isEqualTo(1);
        INDArray out =
                plan.output(Map.of("x", Nd4j.createFromArray(new float[][] {{1, 2, 3}})))
                        .get("doubled");
        assertThat(out.toFloatVector()).containsExactly(2f, 4f, 6f);
    }

    @Test
    void aPlaceholderOfAnotherTypeIsCastAsSameDiffCastsIt() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 2);
        x.add("plus", 0.5);
        INDArray doubles = Nd4j.createFromArray(new double[][] {{1, 2}});

        INDArray out = InferencePlan.compile(sd, "plus").output(Map.of("x", doubles)).get("plus");

        assertThat(out.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(out.toFloatVector()).containsExactly(1.5f, 2.5f);
    }

    @Test
    void aMissingOrUnknownPlaceholderIsRefusedWhenRunning() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 2);
        x.add("plus", 1.0);
        InferencePlan plan = InferencePlan.compile(sd, "plus");
        INDArray row = Nd4j.createFromArray(new float[][] {{1, 2}});

        assertThatThrownBy(() -> plan.output(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x");
        assertThatThrownBy(() -> plan.output(Map.of("x", row, "y", row)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("y");
    }

    @Test
    void anOutputNotInTheGraphIsRefused() {
        SameDiff sd = SameDiff.create();
        sd.placeHolder("x", DataType.FLOAT, -1, 2);

        assertThatThrownBy(() -> InferencePlan.compile(sd, "nothing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing");
    }
}
