package io.polygraph.detector;

import io.polygraph.graph.Nd4jGraphRunner;
import io.polygraph.graph.Tensor;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Packs per-record feature rows into one batch array (a {@link Tensor} for scoring, whatever
 * backend runs it; an ND4J array for training, the only copy into native memory per batch), and
 * brings a network's output back as Java rows.
 */
public final class FeatureArrays {

    private FeatureArrays() {}

    /**
     * A {@code [rows.size(), shape...]} float array, or null when there are no rows (SameDiff
     * cannot run a graph on an empty batch, so callers skip the pair instead).
     */
    public static INDArray rows(List<float[]> rows, long[] shape) {
        Tensor tensor = tensor(rows, shape);
        return tensor == null ? null : Nd4jGraphRunner.toArray(tensor);
    }

    /**
     * A {@code [rows.size(), shape...]} tensor, or null when there are no rows (graphs are not run
     * on empty batches, so callers skip the pair instead).
     *
     * @throws IllegalArgumentException when the rows differ in length
     */
    public static Tensor tensor(List<float[]> rows, long[] shape) {
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
        int[] full = new int[shape.length + 1];
        full[0] = rows.size();
        for (int axis = 0; axis < shape.length; axis++) {
            full[axis + 1] = Math.toIntExact(shape[axis]);
        }
        return new Tensor(full, flat);
    }

    /** The rows of a {@code [rows, columns]} tensor as Java arrays. */
    public static double[][] toRows(Tensor matrix) {
        if (matrix.rank() != 2) {
            throw new IllegalArgumentException("expected a matrix, got " + matrix);
        }
        int rows = matrix.dimension(0);
        int columns = matrix.dimension(1);
        float[] values = matrix.values();
        double[][] result = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                result[i][j] = values[i * columns + j];
            }
        }
        return result;
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
