package io.polygraph.eval;

import java.util.Collection;
import java.util.Objects;

/**
 * Mean and sample standard deviation of one metric over repeated runs (seeds).
 *
 * <p>Contract: the standard deviation is the sample one (divisor n - 1), the usual estimate of the
 * spread between seeds; it is NaN for fewer than two values, because one run says nothing about
 * spread and 0 would claim it is none. A NaN value (say AUROC of a run whose test split lacked a
 * class) makes the mean and deviation NaN rather than being skipped, so that a broken seed shows in
 * the report instead of silently shrinking {@code count}.
 *
 * @param count number of values summarised
 * @param mean arithmetic mean (NaN when there are none)
 * @param standardDeviation sample standard deviation (NaN for fewer than two values)
 */
public record MetricSummary(int count, double mean, double standardDeviation) {

    public MetricSummary {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
    }

    /** Summarises {@code values}. */
    public static MetricSummary of(double... values) {
        Objects.requireNonNull(values, "values");
        int n = values.length;
        if (n == 0) {
            return new MetricSummary(0, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        double mean = sum / n;
        if (n == 1) {
            return new MetricSummary(1, mean, Double.NaN);
        }
        // Two passes: squaring deviations from the mean avoids the cancellation of sum-of-squares.
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return new MetricSummary(n, mean, Math.sqrt(squares / (n - 1)));
    }

    /** Summarises {@code values}. */
    public static MetricSummary of(Collection<? extends Number> values) {
        return of(values.stream().mapToDouble(Number::doubleValue).toArray());
    }
}
