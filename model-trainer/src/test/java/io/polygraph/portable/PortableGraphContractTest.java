package io.polygraph.portable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.graph.Tensor;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the interpreter refuses and when: ops it has no implementation of fail at compile time with
 * the op named, bad placeholders at run time; only the ops the outputs need are compiled.
 */
class PortableGraphContractTest {

    @Test
    void anOpWithoutAnImplementationIsRefusedWhenCompilingWithItsName() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 3);
        sd.math().exp("exponent", x);

        assertThatThrownBy(() -> PortableGraph.compile(bytes(sd), "exponent"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("exp")
                .hasMessageContaining(sd.getVariableOutputOp("exponent").getOwnName());
    }

    @Test
    void onlyTheOpsTheOutputsNeedAreCompiled() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 3);
        SDVariable w = sd.var("w", Nd4j.createFromArray(new float[][] {{1}, {2}, {3}}));
        SDVariable b = sd.var("b", Nd4j.createFromArray(new float[] {0.5f}));
        sd.nn().linear("dense", x, w, b);
        sd.math().exp("unused", x);

        PortableGraph graph = PortableGraph.compile(bytes(sd), "dense");
        Tensor out =
                graph.run(Map.of("x", new Tensor(new int[] {2, 3}, new float[] {1, 1, 1, 1, 0, 2})))
                        .get("dense");

        assertThat(graph.opCount()).isEqualTo(1);
        assertThat(out.shape()).containsExactly(2, 1);
        assertThat(out.values()).containsExactly(6.5f, 7.5f);
    }

    @Test
    void aMissingPlaceholderIsNamed() {
        PortableGraph graph = PortableGraph.compile(bytes(doubling()), "doubled");

        assertThatThrownBy(() -> graph.run(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("placeholder x");
    }

    @Test
    void aPlaceholderOfTheWrongWidthIsRefusedWithBothShapes() {
        PortableGraph graph = PortableGraph.compile(bytes(doubling()), "doubled");

        assertThatThrownBy(() -> graph.run(Map.of("x", Tensor.zeros(2, 4))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2, 4]")
                .hasMessageContaining("[-1, 3]");
    }

    @Test
    void anUnknownOutputIsRefused() {
        assertThatThrownBy(() -> PortableGraph.compile(bytes(doubling()), "tripled"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tripled");
    }

    /** {@code doubled = 2 x}, x a placeholder of width 3 and any batch size. */
    private static SameDiff doubling() {
        SameDiff sd = SameDiff.create();
        sd.placeHolder("x", DataType.FLOAT, -1, 3).mul("doubled", 2.0);
        return sd;
    }

    private static byte[] bytes(SameDiff graph) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        graph.save(out, false);
        return out.toByteArray();
    }
}
