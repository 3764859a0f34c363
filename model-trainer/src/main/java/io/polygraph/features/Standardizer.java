package io.polygraph.features;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * Per-column standardisation {@code (x - mean) / std}, fitted on training rows and stored in the
 * model snapshot.
 *
 * <p>Contract: indicator columns keep mean 0 and std 1 (they stay 0/1, so that a rare category is
 * not blown up to a huge value by its tiny standard deviation); continuous columns get the training
 * mean and standard deviation, the latter floored at {@link #MIN_STD} so that a constant column
 * cannot divide by zero. Results are clipped to {@code [-CLIP, CLIP]}: an amount a thousand times
 * the usual must stand out, not saturate the network. Immutable.
 *
 * @param means per-column means
 * @param stds per-column standard deviations (already floored)
 */
public record Standardizer(float[] means, float[] stds) {

    /** Smallest standard deviation used for a continuous column. */
    public static final float MIN_STD = 1e-3f;

    /** Largest absolute standardised value. */
    public static final float CLIP = 8f;

    @JsonCreator
    public Standardizer(@JsonProperty("means") float[] means, @JsonProperty("stds") float[] stds) {
        Objects.requireNonNull(means, "means");
        Objects.requireNonNull(stds, "stds");
        if (means.length != stds.length) {
            throw new IllegalArgumentException("means and stds differ in length");
        }
        this.means = means.clone();
        this.stds = stds.clone();
    }

    /** Fits means and standard deviations of the continuous columns of {@code rows}. */
    public static Standardizer fit(List<float[]> rows, boolean[] continuous) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("cannot fit a standardizer on no rows");
        }
        int width = continuous.length;
        double[] sum = new double[width];
        double[] sumSquares = new double[width];
        for (float[] row : rows) {
            for (int j = 0; j < width; j++) {
                sum[j] += row[j];
                sumSquares[j] += (double) row[j] * row[j];
            }
        }
        float[] means = new float[width];
        float[] stds = new float[width];
        for (int j = 0; j < width; j++) {
            if (!continuous[j]) {
                stds[j] = 1f;
                continue;
            }
            double mean = sum[j] / rows.size();
            double variance = Math.max(0, sumSquares[j] / rows.size() - mean * mean);
            means[j] = (float) mean;
            stds[j] = Math.max(MIN_STD, (float) Math.sqrt(variance));
        }
        return new Standardizer(means, stds);
    }

    /** Number of columns. */
    public int width() {
        return means.length;
    }

    /** Standardises {@code row} in place and returns it. */
    public float[] apply(float[] row) {
        if (row.length != means.length) {
            throw new IllegalArgumentException(
                    "row has " + row.length + " columns, standardizer " + means.length);
        }
        for (int j = 0; j < row.length; j++) {
            float z = (row[j] - means[j]) / stds[j];
            row[j] = Math.max(-CLIP, Math.min(CLIP, z));
        }
        return row;
    }

    @Override
    public float[] means() {
        return means.clone();
    }

    @Override
    public float[] stds() {
        return stds.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Standardizer that
                && java.util.Arrays.equals(means, that.means)
                && java.util.Arrays.equals(stds, that.stds);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(means) + java.util.Arrays.hashCode(stds);
    }

    @Override
    public String toString() {
        return "Standardizer[width=" + means.length + "]";
    }
}
