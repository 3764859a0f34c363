package io.polygraph.deploy.bench;

import io.polygraph.deploy.demo.LatencyStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 4's arithmetic, apart from Kafka and Flink so that it is tested alone: the rate plan of
 * a run, the warm-up cut of its latencies and their percentiles.
 */
final class LatencyArithmetic {

    /** Fewer samples than this leave p99.9 to one or no sample above it: it is not reported. */
    static final int P999_MIN_SAMPLES = 1000;

    private LatencyArithmetic() {}

    /**
     * How one run publishes.
     *
     * @param load fraction of the maximum sustainable rate
     * @param eventsPerSecond the publishing rate, input records (transactions, profiles and
     *     signatures) per second, the unit of the maximum rate
     * @param customers customers of the world published, sized so that publishing it takes about
     *     {@code seconds}
     * @param seconds planned warm-up plus measured time
     */
    record RatePlan(double load, double eventsPerSecond, int customers, double seconds) {

        /**
         * The plan for {@code load} times {@code maxEventsPerSecond} over {@code seconds}, for
         * worlds of {@code eventsPerCustomer} input records per customer.
         */
        static RatePlan of(
                double maxEventsPerSecond, double load, double eventsPerCustomer, double seconds) {
            if (!(maxEventsPerSecond > 0) || !(load > 0) || !(eventsPerCustomer > 0)) {
                throw new IllegalArgumentException(
                        "rates, load and records per customer must be positive");
            }
            double rate = load * maxEventsPerSecond;
            int customers = (int) Math.max(1, Math.ceil(rate * seconds / eventsPerCustomer));
            return new RatePlan(load, rate, customers, seconds);
        }
    }

    /**
     * Percentiles of the measured latencies (nearest rank).
     *
     * @param samples number of latencies
     * @param p999Millis null when there are fewer than {@link #P999_MIN_SAMPLES} samples
     */
    record Percentiles(
            int samples, double p50Millis, double p99Millis, Double p999Millis, double maxMillis) {

        static Percentiles of(List<Double> latenciesMillis) {
            double[] sorted =
                    latenciesMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (sorted.length == 0) {
                return new Percentiles(0, Double.NaN, Double.NaN, null, Double.NaN);
            }
            return new Percentiles(
                    sorted.length,
                    LatencyStats.percentile(sorted, 50),
                    LatencyStats.percentile(sorted, 99),
                    sorted.length >= P999_MIN_SAMPLES
                            ? LatencyStats.percentile(sorted, 99.9)
                            : null,
                    sorted[sorted.length - 1]);
        }
    }

    /**
     * The latencies of one run: alerts (first arrival per transaction) of transactions published at
     * or after {@code measuredFromNanos}, in milliseconds.
     *
     * @param latenciesMillis one per measured transaction that alerted
     * @param warmup transactions published before {@code measuredFromNanos}, left out
     * @param notAlerted measured transactions without an alert when the run ended
     */
    record Samples(List<Double> latenciesMillis, int warmup, int notAlerted) {

        /**
         * @param publishedAtNanos {@link System#nanoTime()} at which each transaction was sent
         * @param arrivals transaction id and {@link System#nanoTime()} of each alert received, in
         *     arrival order (duplicates of at-least-once delivery count once, first arrival)
         */
        static Samples of(
                Map<String, Long> publishedAtNanos,
                List<Map.Entry<String, Long>> arrivals,
                long measuredFromNanos) {
            Map<String, Long> firstArrival = new HashMap<>();
            arrivals.forEach(a -> firstArrival.putIfAbsent(a.getKey(), a.getValue()));
            List<Double> latencies = new ArrayList<>();
            int warmup = 0;
            int notAlerted = 0;
            for (Map.Entry<String, Long> sent : publishedAtNanos.entrySet()) {
                if (sent.getValue() < measuredFromNanos) {
                    warmup++;
                    continue;
                }
                Long received = firstArrival.get(sent.getKey());
                if (received == null) {
                    notAlerted++;
                } else {
                    latencies.add((received - sent.getValue()) / 1e6);
                }
            }
            return new Samples(latencies, warmup, notAlerted);
        }
    }
}
