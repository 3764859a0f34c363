package io.polygraph.autoencoder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Objects;

/**
 * Per-pixel centring and one common scale of a downsampled signature block, fitted on training
 * rows: {@code (x - mean) * scale}, the scale chosen so that the block's pixels have a mean
 * training variance of 1, like a standardised column's.
 *
 * <p>One factor per block rather than one per pixel, because per-pixel standardisation turns a
 * stroke of ink in an almost always blank border pixel into a huge value (see {@code
 * InputScaling}); centring matters because the autoencoder scores the angle between a row and its
 * reconstruction, which an uncentred all-positive block would dominate. Immutable; stored in the
 * snapshot as JSON.
 *
 * @param means per-pixel training means
 * @param scale the common factor
 */
public record BlockScaling(double[] means, double scale) {

    @JsonCreator
    public BlockScaling(
            @JsonProperty("means") double[] means, @JsonProperty("scale") double scale) {
        this.means = Objects.requireNonNull(means, "means").clone();
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite: " + scale);
        }
        this.scale = scale;
    }

    /** Fits the block on its training rows of {@code width} values, null rows being absent. */
    public static BlockScaling fit(double[][] rows, int width) {
        double[] means = new double[width];
        int present = 0;
        for (double[] row : rows) {
            if (row != null) {
                present++;
                for (int j = 0; j < width; j++) {
                    means[j] += row[j];
                }
            }
        }
        if (present < 2) {
            // Nothing to learn a scale from: the block stays as it is, only flagged.
            return new BlockScaling(new double[width], 1);
        }
        for (int j = 0; j < width; j++) {
            means[j] /= present;
        }
        double squares = 0;
        for (double[] row : rows) {
            if (row != null) {
                for (int j = 0; j < width; j++) {
                    squares += (row[j] - means[j]) * (row[j] - means[j]);
                }
            }
        }
        double meanVariance = squares / ((present - 1.0) * width);
        return new BlockScaling(means, meanVariance > 0 ? 1 / Math.sqrt(meanVariance) : 1);
    }

    /** Number of values in the block. */
    public int width() {
        return means.length;
    }

    /** The scaled copy of {@code row}, or null when it is null. */
    public double[] apply(double[] row) {
        if (row == null) {
            return null;
        }
        double[] scaled = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            scaled[j] = (row[j] - means[j]) * scale;
        }
        return scaled;
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BlockScaling that
                && scale == that.scale
                && Arrays.equals(means, that.means);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(means) + Double.hashCode(scale);
    }

    @Override
    public String toString() {
        return "BlockScaling[width=" + means.length + ", scale=" + scale + "]";
    }
}
