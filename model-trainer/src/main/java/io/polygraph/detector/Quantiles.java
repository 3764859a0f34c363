package io.polygraph.detector;

/** Quantiles of sorted samples by linear interpolation between order statistics. */
public final class Quantiles {

    private Quantiles() {}

    /** The {@code q}-quantile (0-1) of ascending {@code sorted}, interpolated. */
    public static double of(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
