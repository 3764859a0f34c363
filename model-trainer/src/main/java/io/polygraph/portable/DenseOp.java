package io.polygraph.portable;

import io.polygraph.graph.Tensor;
import java.util.Arrays;

/**
 * A dense layer, SameDiff's {@code xw_plus_b}: {@code x[batch, in] * w[in, out] + b[out]}, or with
 * the weights stored transposed as {@code [out, in]}.
 */
public record DenseOp(boolean weightsTransposed) implements PortableOp {

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] x = inputShapes[0];
        int[] w = inputShapes[1];
        int[] b = inputShapes[2];
        int in = weightsTransposed ? w[1] : w[0];
        int out = weightsTransposed ? w[0] : w[1];
        if (x.length != 2 || w.length != 2 || x[1] != in || Shapes.size(b) != out) {
            throw new IllegalArgumentException(
                    "xw_plus_b of shapes "
                            + Arrays.toString(x)
                            + ", "
                            + Arrays.toString(w)
                            + " and "
                            + Arrays.toString(b));
        }
        return new int[] {x[0], out};
    }

    @Override
    public void run(Tensor[] inputs, Tensor output) {
        int rows = output.dimension(0);
        int columns = output.dimension(1);
        int inner = inputs[0].dimension(1);
        float[] out = output.values();
        MatrixProduct.multiply(
                inputs[0].values(),
                0,
                false,
                inputs[1].values(),
                0,
                weightsTransposed,
                out,
                rows,
                inner,
                columns);
        float[] bias = inputs[2].values();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                out[i * columns + j] += bias[j];
            }
        }
    }
}
