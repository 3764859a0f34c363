package io.polygraph.detector;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Packs per-record feature rows into one batch array, the only copy into native memory per batch,
 * and brings a network's output back as Java rows with one copy out of it.
 */
public final class FeatureArrays {

    private FeatureArrays() {}

    /**
     * A {@code [rows.size(), shape...]} float array, or null when there are no rows (SameDiff
     * cannot run a graph on an empty batch, so callers skip the pair instead).
     */
    public static INDArray rows(List<float[]> rows, long[] shape) {
        if (rows.isEmpty()) {
            return null;
        }
        int width = rows.get(0).length;
        float[] flat = new float[rows.size() * width];
        for (int i = 0; i < rows.size(); i++) {
            float[] row = rows.get(i);
            if (row.length != width) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + row.length + " values, expected " + width);
            }
            System.arraycopy(row, 0, flat, i * width, width);
        }
        long[] full = new long[shape.length + 1];
        full[0] = rows.size();
        System.arraycopy(shape, 0, full, 1, shape.length);
        return Nd4j.createFromArray(flat).reshape(full);
    }

    /**
     * The rows of a {@code [rows, columns]} array as Java arrays, copied out of native memory at
     * once. ND4J's own {@code toDoubleMatrix} takes a native view per row (a JNI round trip and a
     * shape buffer each): on DMAFN's outputs that was an eighth of its scoring time.
     */
    public static double[][] toRows(INDArray matrix) {
        if (matrix.rank() != 2) {
            throw new IllegalArgumentException(
                    "expected a matrix, got rank "
                            + matrix.rank()
                            + " "
                            + matrix.shapeInfoToString());
        }
        int rows = (int) matrix.rows();
        int columns = (int) matrix.columns();
        double[] flat = matrix.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[][] result = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * columns, result[i], 0, columns);
        }
        return result;
    }
}
