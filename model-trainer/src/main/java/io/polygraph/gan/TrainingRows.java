package io.polygraph.gan;

import io.polygraph.features.Standardizer;
import io.polygraph.train.InputScaling;
import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training rows of a GAN detector, checked and scaled once: the raw values, the input scaling
 * fitted on them and the scaled FLOAT rows the networks train on.
 *
 * <p>Contract: {@link #of} refuses anything but a [rows &ge; 2, columns &ge; 1] matrix of finite
 * values, naming the shape or the first row with a value that is not finite. Trade-off: the rows
 * are held three times (as given, as doubles, scaled); training sets of these detectors fit in
 * memory many times over, and each form is read more than once.
 *
 * @param raw the rows as doubles, [rows][columns]
 * @param standardizer the input scaling fitted on {@code raw}
 * @param scaled the rows scaled by {@code standardizer} ({@link FeatureRows#scaled}), a FLOAT
 *     [rows, columns] array
 */
public record TrainingRows(double[][] raw, Standardizer standardizer, INDArray scaled) {

    /**
     * Checks {@code rows}, fits {@code scaling} on them and scales them.
     *
     * @throws IllegalArgumentException when there are fewer than two rows, no columns, or a value
     *     is not finite
     */
    public static TrainingRows of(INDArray rows, InputScaling scaling) {
        Objects.requireNonNull(scaling, "scaling");
        double[][] raw = checked(rows);
        Standardizer standardizer = scaling.fit(raw);
        return new TrainingRows(raw, standardizer, FeatureRows.scaled(standardizer, rows));
    }

    /** Number of rows. */
    public int count() {
        return raw.length;
    }

    /** Number of columns. */
    public int width() {
        return raw[0].length;
    }

    private static double[][] checked(INDArray rows) {
        if (rows.rank() != 2 || rows.size(0) < 2 || rows.size(1) < 1) {
            throw new IllegalArgumentException(
                    "need [rows >= 2, columns >= 1] training rows, got shape "
                            + Arrays.toString(rows.shape()));
        }
        double[][] raw = rows.toDoubleMatrix();
        for (int i = 0; i < raw.length; i++) {
            for (double value : raw[i]) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException(
                            "training row " + i + " has a value that is not finite");
                }
            }
        }
        return raw;
    }
}
