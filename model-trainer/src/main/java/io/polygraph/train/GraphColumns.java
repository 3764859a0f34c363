package io.polygraph.train;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Picking and placing columns of [batch, width] SameDiff variables with products by constant 0/1
 * matrices, whose gradients SameDiff 1.0.0-M2.1 computes reliably (unlike its strided slices, and
 * unlike its concatenation of single columns, see {@link #columns}).
 */
public final class GraphColumns {

    private GraphColumns() {}

    /**
     * [batch, 1] variables side by side as one [batch, n] variable. Not {@code sd.concat}: in
     * SameDiff 1.0.0-M2.1 a concatenation of single columns came out with rows mixed up (a record's
     * attention weights and score then depended on the other records of its batch); each column is
     * placed with a product by a constant one-hot row instead.
     */
    static SDVariable columns(SameDiff sd, SDVariable[] parts) {
        SDVariable placed = null;
        for (int k = 0; k < parts.length; k++) {
            float[] oneHot = new float[parts.length];
            oneHot[k] = 1f;
            SDVariable column =
                    sd.mmul(
                            parts[k],
                            sd.constant(Nd4j.createFromArray(oneHot).reshape(1, parts.length)));
            placed = placed == null ? column : placed.add(column);
        }
        return placed;
    }

    /** Column {@code index} of a [batch, width] variable, as [batch, 1]. */
    static SDVariable column(SDVariable matrix, int index, int width) {
        SameDiff sd = matrix.getSameDiff();
        return sd.mmul(matrix, selection(sd, width, index, 1));
    }

    /** A constant [width, count] matrix that picks columns {@code from .. from + count - 1}. */
    public static SDVariable selection(SameDiff sd, int width, int from, int count) {
        float[] values = new float[width * count];
        for (int j = 0; j < count; j++) {
            values[(from + j) * count + j] = 1f;
        }
        return sd.constant(Nd4j.createFromArray(values).reshape(width, count));
    }
}
