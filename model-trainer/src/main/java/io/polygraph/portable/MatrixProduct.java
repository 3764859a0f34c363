package io.polygraph.portable;

/** The one matrix product every op that needs one (matmul, dense layers, convolutions) runs. */
final class MatrixProduct {

    private MatrixProduct() {}

    /**
     * {@code out[rows, columns] = a[rows, inner] * b[inner, columns]}, each operand read row-major
     * from its offset, or as the transpose of the array stored there. Sums in double, so the result
     * is at least as close to the exact one as float32 BLAS gives.
     */
    static void multiply(
            float[] a,
            int aOffset,
            boolean aTransposed,
            float[] b,
            int bOffset,
            boolean bTransposed,
            float[] out,
            int rows,
            int inner,
            int columns) {
        double[] row = new double[columns];
        for (int i = 0; i < rows; i++) {
            java.util.Arrays.fill(row, 0.0);
            for (int k = 0; k < inner; k++) {
                float left = a[aOffset + (aTransposed ? k * rows + i : i * inner + k)];
                if (left == 0f) {
                    continue;
                }
                if (bTransposed) {
                    for (int j = 0; j < columns; j++) {
                        row[j] += left * b[bOffset + j * inner + k];
                    }
                } else {
                    int start = bOffset + k * columns;
                    for (int j = 0; j < columns; j++) {
                        row[j] += left * b[start + j];
                    }
                }
            }
            for (int j = 0; j < columns; j++) {
                out[i * columns + j] = (float) row[j];
            }
        }
    }
}
