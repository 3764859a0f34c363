package io.polygraph.detector;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Packs per-record feature rows into one batch array, the only copy into native memory per batch.
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
}
