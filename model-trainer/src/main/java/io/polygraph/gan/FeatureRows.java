package io.polygraph.gan;

import io.polygraph.features.Standardizer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The feature rows a GAN detector's networks see: the shape check on rows to score and the input
 * scaling applied to rows before training and scoring alike, so that both sides scale one way.
 */
public final class FeatureRows {

    private FeatureRows() {}

    /**
     * Refuses {@code features} unless they are [rows, {@code width}].
     *
     * @throws IllegalArgumentException naming the expected width and the shape found
     */
    public static void checkWidth(INDArray features, int width) {
        if (features.rank() != 2 || features.size(1) != width) {
            throw new IllegalArgumentException(
                    "expected [rows, "
                            + width
                            + "] features, got shape "
                            + Arrays.toString(features.shape()));
        }
    }

    /** The rows of {@code features} scaled by {@code standardizer}, a new FLOAT array. */
    public static INDArray scaled(Standardizer standardizer, INDArray features) {
        float[][] rows = features.castTo(DataType.FLOAT).toFloatMatrix();
        for (float[] row : rows) {
            standardizer.apply(row);
        }
        return Nd4j.createFromArray(rows);
    }
}
