package io.polygraph.portable;

import io.polygraph.graph.Tensor;
import java.util.Arrays;

/**
 * Matrix product over the last two axes, batched over any leading ones: {@code alpha * op(x) *
 * op(y)}, each operand and the result optionally transposed, as SameDiff's {@code matmul}.
 */
public record MatMulOp(boolean transposeX, boolean transposeY, boolean transposeResult, float alpha)
        implements PortableOp {

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] x = inputShapes[0];
        int[] y = inputShapes[1];
        if (x.length < 2 || x.length != y.length) {
            throw new IllegalArgumentException(
                    "matmul of shapes " + Arrays.toString(x) + " and " + Arrays.toString(y));
        }
        int rank = x.length;
        for (int axis = 0; axis < rank - 2; axis++) {
            if (x[axis] != y[axis]) {
                throw new IllegalArgumentException(
                        "matmul batch axes differ: "
                                + Arrays.toString(x)
                                + " and "
                                + Arrays.toString(y));
            }
        }
        int rows = transposeX ? x[rank - 1] : x[rank - 2];
        int inner = transposeX ? x[rank - 2] : x[rank - 1];
        int innerY = transposeY ? y[rank - 1] : y[rank - 2];
        int columns = transposeY ? y[rank - 2] : y[rank - 1];
        if (inner != innerY) {
            throw new IllegalArgumentException(
                    "matmul inner sizes differ: "
                            + Arrays.toString(x)
                            + " and "
                            + Arrays.toString(y));
        }
        int[] shape = x.clone();
        shape[rank - 2] = transposeResult ? columns : rows;
        shape[rank - 1] = transposeResult ? rows : columns;
        return shape;
    }

    @Override
    public void run(Tensor[] inputs, Tensor output) {
        int[] x = inputs[0].shape();
        int rank = x.length;
        int rows = transposeX ? x[rank - 1] : x[rank - 2];
        int inner = transposeX ? x[rank - 2] : x[rank - 1];
        int columns = output.dimension(rank - (transposeResult ? 2 : 1));
        int batches = output.size() / Math.max(1, rows * columns);
        float[] product = new float[rows * columns];
        for (int b = 0; b < batches; b++) {
            MatrixProduct.multiply(
                    inputs[0].values(),
                    b * rows * inner,
                    transposeX,
                    inputs[1].values(),
                    b * inner * columns,
                    transposeY,
                    product,
                    rows,
                    inner,
                    columns);
            int base = b * rows * columns;
            float[] out = output.values();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    float value = alpha * product[i * columns + j];
                    out[base + (transposeResult ? j * rows + i : i * columns + j)] = value;
                }
            }
        }
    }
}
