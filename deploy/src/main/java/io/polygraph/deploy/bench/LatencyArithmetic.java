package io.polygraph.deploy.bench;

import io.polygraph.deploy.demo.LatencyStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
     * @param trend how the latencies moved from the start to the end of the measured period
     */
    record Samples(List<Double> latenciesMillis, int warmup, int notAlerted, LatencyTrend trend) {

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
            List<TimedLatency> latencies = new ArrayList<>();
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
                    latencies.add(
                            new TimedLatency(sent.getValue(), (received - sent.getValue()) / 1e6));
                }
            }
            latencies.sort(Comparator.comparingLong(TimedLatency::publishedAtNanos));
            return new Samples(
                    latencies.stream().map(TimedLatency::millis).toList(),
                    warmup,
                    notAlerted,
                    LatencyTrend.of(latencies));
        }
    }

    /** One measured transaction: when it was published and how long its alert took. */
    record TimedLatency(long publishedAtNanos, double millis) {}

    /**
     * Whether a run's latency stayed level or kept growing: the test of a sustainable rate (Karimov
     * et al., "Benchmarking Distributed Stream Data Processing Systems", ICDE 2018: the highest
     * load a system handles without a continuously increasing latency). A job that cannot keep up
     * queues the excess, and its latency grows by (rate - capacity) / capacity seconds per second
     * of publishing.
     *
     * <p>The growth is the median latency of the last third of the measured transactions (by
     * publishing time) minus that of the first third, over the time between the thirds' middle
     * transactions: medians, so that one checkpoint or GC pause does not decide it.
     *
     * @param firstThirdP50Millis median latency of the first third
     * @param lastThirdP50Millis median latency of the last third
     * @param secondsApart publishing time between the two thirds' middle transactions
     */
    record LatencyTrend(
            double firstThirdP50Millis, double lastThirdP50Millis, double secondsApart) {

        /**
         * The most a sustainable run's latency may grow, in seconds per second of publishing: a job
         * more than 5% short of the rate.
         */
        static final double MAX_SUSTAINABLE_GROWTH = 0.05;

        /** Fewer measured transactions than this do not show a trend. */
        static final int MIN_SAMPLES = 30;

        /** No trend: too few samples. */
        static final LatencyTrend UNKNOWN = new LatencyTrend(Double.NaN, Double.NaN, Double.NaN);

        /** The trend of {@code latencies}, in publishing order. */
        static LatencyTrend of(List<TimedLatency> latencies) {
            int n = latencies.size();
            if (n < MIN_SAMPLES) {
                return UNKNOWN;
            }
            List<TimedLatency> first = latencies.subList(0, n / 3);
            List<TimedLatency> last = latencies.subList(n - n / 3, n);
            double secondsApart =
                    (middle(last).publishedAtNanos() - middle(first).publishedAtNanos()) / 1e9;
            return new LatencyTrend(median(first), median(last), secondsApart);
        }

        /** Seconds of latency gained per second of publishing; NaN when unknown. */
        double growth() {
            return secondsApart > 0
                    ? (lastThirdP50Millis - firstThirdP50Millis) / 1000 / secondsApart
                    : Double.NaN;
        }

        /** Whether the latency stayed level: a known growth of at most the sustainable bound. */
        boolean level() {
            return growth() <= MAX_SUSTAINABLE_GROWTH;
        }

        private static TimedLatency middle(List<TimedLatency> third) {
            return third.get(third.size() / 2);
        }

        private static double median(List<TimedLatency> third) {
            double[] sorted = third.stream().mapToDouble(TimedLatency::millis).toArray();
            Arrays.sort(sorted);
            return LatencyStats.percentile(sorted, 50);
        }
    }
}
