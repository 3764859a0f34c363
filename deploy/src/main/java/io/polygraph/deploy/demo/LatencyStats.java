package io.polygraph.deploy.demo;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles of a set of latencies, in milliseconds (nearest-rank method).
 *
 * @param count number of samples
 * @param p50 median
 * @param p90 90th percentile
 * @param p99 99th percentile
 * @param max largest sample
 */
public record LatencyStats(int count, double p50, double p90, double p99, double max) {

    /** Percentiles of {@code latenciesMillis}; all zero when there is none. */
    public static LatencyStats of(Collection<Double> latenciesMillis) {
        double[] sorted = latenciesMillis.stream().mapToDouble(Double::doubleValue).toArray();
        if (sorted.length == 0) {
            return new LatencyStats(0, 0, 0, 0, 0);
        }
        Arrays.sort(sorted);
        return new LatencyStats(
                sorted.length,
                percentile(sorted, 50),
                percentile(sorted, 90),
                percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /**
     * The {@code percent} percentile of {@code sorted} (ascending, not empty) by the nearest-rank
     * method: the smallest sample with at least {@code percent}% of the samples at or below it.
     */
    public static double percentile(double[] sorted, double percent) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        // Less a hair, so that 99.9% of 1000 is rank 999 and not 1000 (99.9 is not exact).
        int rank = (int) Math.ceil(percent * sorted.length / 100.0 - 1e-9);
        return sorted[Math.max(0, rank - 1)];
    }
}
