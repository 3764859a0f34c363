package io.polygraph.deploy.bench;

import io.polygraph.deploy.demo.ConsumerGroupProgress;
import io.polygraph.deploy.demo.LatencyStats;
import io.polygraph.deploy.demo.TopicWatcher;
import io.polygraph.deploy.flink.LocalFlinkJob;
import io.polygraph.deploy.kafka.LocalKafkaBroker;
import io.polygraph.deploy.world.WorldPublisher;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.schema.Alert;
import io.polygraph.topic.Topics;
import io.polygraph.world.World;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.kafka.clients.admin.Admin;

/**
 * Benchmark 4: event-to-alert latency of the Polygraph job at 50% and 80% of its maximum
 * sustainable rate, with at-least-once and with exactly-once alert delivery.
 *
 * <p>The maximum sustainable rate is the Polygraph job's input records per second reading a
 * backlog: benchmark 3's figure when it ran in the same run, else measured here on a backlog by the
 * alerts written per second (see {@link #backlogRate}). Each of the four runs then starts the job
 * afresh on its own topics of one local broker, with an alert threshold above every score so that
 * every transaction alerts and is measured, and publishes a world at the run's rate with the demo's
 * paced {@link WorldPublisher} for a warm-up and a measured period. A transaction's latency is from
 * the moment the publisher handed it to its Kafka producer to the moment its alert was received by
 * a {@code read_committed} consumer on the alert topic (the demo's {@link TopicWatcher}): with
 * exactly-once delivery the alert becomes visible only when the checkpoint after it commits the
 * sink's Kafka transaction. Transactions published during the warm-up are left out.
 */
final class LatencyUnderLoad {

    /** Goal of benchmark 4: p99 at 50% load with at-least-once delivery, in milliseconds. */
    static final double GOAL_P99_MILLIS = 50;

    /** The loads, as fractions of the maximum sustainable rate. */
    static final List<Double> LOADS = List.of(0.5, 0.8);

    /** Fewer samples than this leave p99.9 to one or no sample above it: it is not reported. */
    static final int P999_MIN_SAMPLES = 1000;

    private static final List<DeliveryGuarantee> GUARANTEES =
            List.of(DeliveryGuarantee.AT_LEAST_ONCE, DeliveryGuarantee.EXACTLY_ONCE);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration QUIET = Duration.ofSeconds(3);

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

    /**
     * One run.
     *
     * @param deliveryGuarantee of the alert sink
     * @param load fraction of the maximum sustainable rate
     * @param targetRecordsPerSecond input records per second asked of the publisher
     * @param publishedRecordsPerSecond input records per second it reached
     * @param records input records published
     * @param transactions transactions among them
     * @param warmupTransactions transactions of the warm-up, left out
     * @param notAlerted measured transactions whose alert never came
     * @param latency percentiles of the measured transactions' latencies
     */
    record Measurement(
            String deliveryGuarantee,
            double load,
            double targetRecordsPerSecond,
            double publishedRecordsPerSecond,
            long records,
            long transactions,
            int warmupTransactions,
            int notAlerted,
            Percentiles latency) {}

    /**
     * The benchmark's result.
     *
     * @param maxRecordsPerSecond the maximum sustainable rate the loads are fractions of
     * @param maxRateSource where it comes from: benchmark 3 of this run, or measured here
     * @param warmupSeconds publishing time left out at the start of each run
     * @param measuredSeconds publishing time measured in each run
     * @param checkpointIntervalMillis the job's checkpoint interval (exactly-once visibility)
     * @param batchSize the scoring operator's batch size
     * @param maxBatchDelayMillis the longest a record waits for its batch to fill
     * @param runs the four runs
     */
    record Result(
            double maxRecordsPerSecond,
            String maxRateSource,
            int cores,
            double warmupSeconds,
            double measuredSeconds,
            long checkpointIntervalMillis,
            int batchSize,
            long maxBatchDelayMillis,
            List<Measurement> runs) {

        /** Whether p99 at 50% load with at-least-once delivery met the goal; empty without it. */
        Optional<Boolean> goalMet() {
            return runs.stream()
                    .filter(r -> r.load() == 0.5 && r.deliveryGuarantee().equals("AT_LEAST_ONCE"))
                    .filter(r -> r.latency().samples() > 0)
                    .findFirst()
                    .map(r -> r.latency().p99Millis() <= GOAL_P99_MILLIS);
        }

        void print(PrintStream out) {
            out.println();
            out.printf(
                    Locale.ROOT,
                    "4. Latency under load: event to alert, from handing the transaction to Kafka to"
                            + " receiving its alert%n   (read_committed consumer), at 50%% and 80%%"
                            + " of %s records/s (%s), %d cores;%n   every transaction alerts"
                            + " (threshold above every score) and is measured; %.0f s warm-up left"
                            + " out, %.0f s measured;%n   batch %d, max batch delay %d ms,"
                            + " checkpoints every %d ms (exactly-once alerts are visible after"
                            + " them)%n",
                    BenchRun.format(maxRecordsPerSecond),
                    maxRateSource,
                    cores,
                    warmupSeconds,
                    measuredSeconds,
                    batchSize,
                    maxBatchDelayMillis,
                    checkpointIntervalMillis);
            out.printf(
                    Locale.ROOT,
                    "   %-14s %5s %16s %8s %9s %9s %9s %9s%n",
                    "delivery",
                    "load",
                    "records/s asked",
                    "reached",
                    "alerts",
                    "p50 ms",
                    "p99 ms",
                    "p99.9 ms");
            for (Measurement run : runs) {
                Percentiles l = run.latency();
                out.printf(
                        Locale.ROOT,
                        "   %-14s %4.0f%% %16s %8s %9d %9s %9s %9s%s%n",
                        run.deliveryGuarantee().toLowerCase(Locale.ROOT).replace('_', '-'),
                        run.load() * 100,
                        BenchRun.format(run.targetRecordsPerSecond()),
                        BenchRun.format(run.publishedRecordsPerSecond()),
                        l.samples(),
                        millis(l.p50Millis()),
                        millis(l.p99Millis()),
                        l.p999Millis() == null ? "n/a" : millis(l.p999Millis()),
                        run.notAlerted() > 0
                                ? String.format(
                                        Locale.ROOT, "  (%d without alert)", run.notAlerted())
                                : "");
            }
            if (runs.stream().anyMatch(r -> r.latency().p999Millis() == null)) {
                out.printf(
                        Locale.ROOT,
                        "   n/a: fewer than %d alerts measured, too few for a p99.9%n",
                        P999_MIN_SAMPLES);
            }
            goalMet()
                    .ifPresent(
                            met ->
                                    out.printf(
                                            Locale.ROOT,
                                            "Goal: p99 at most %.0f ms at 50%% load, at-least-once:"
                                                    + " %s%n",
                                            GOAL_P99_MILLIS,
                                            met ? "met" : "NOT met"));
        }

        private static String millis(double value) {
            return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
        }
    }

    private final BenchSettings settings;

    LatencyUnderLoad(BenchSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs the benchmark with the detector {@code snapshot}.
     *
     * @param endToEnd benchmark 3's measurement in this run, or null to measure the rate here
     * @param progress where a line is printed as each part starts
     */
    Result measure(Path snapshot, EndToEndThroughput.Measurement endToEnd, PrintStream progress)
            throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        World sizing = EndToEndThroughput.world(settings.endToEndCustomers());
        long sizingRecords = sizing.eventsInTimeOrder().size();
        double perCustomer = (double) sizingRecords / settings.endToEndCustomers();
        double seconds = settings.latencyWarmupSeconds() + settings.latencySeconds();
        try (LocalKafkaBroker broker =
                LocalKafkaBroker.start(LocalKafkaBroker.Settings.ephemeral())) {
            double maxRate;
            String source;
            if (endToEnd != null) {
                maxRate = endToEnd.polygraphRecordsPerSecond();
                source = "benchmark 3 of this run";
            } else {
                maxRate = backlogRate(broker, snapshot, sizing, cores);
                source =
                        String.format(
                                Locale.ROOT,
                                "measured here: alerts/s of the job reading a backlog of %d"
                                        + " records, times %.2f records per transaction",
                                sizingRecords,
                                (double) sizingRecords / sizing.transactions().size());
            }
            progress.printf(
                    Locale.ROOT,
                    "4. Latency under load: maximum rate %s records/s (%s)%n",
                    BenchRun.format(maxRate),
                    source);
            List<Measurement> runs = new ArrayList<>();
            for (DeliveryGuarantee guarantee : GUARANTEES) {
                for (double load : LOADS) {
                    RatePlan plan = RatePlan.of(maxRate, load, perCustomer, seconds);
                    progress.printf(
                            Locale.ROOT,
                            "   running %s at %.0f%%: %s records/s (a world of %d customers)%n",
                            guarantee,
                            load * 100,
                            BenchRun.format(plan.eventsPerSecond()),
                            plan.customers());
                    runs.add(run(broker, snapshot, guarantee, plan, runs.size(), cores));
                }
            }
            return new Result(
                    maxRate,
                    source,
                    cores,
                    settings.latencyWarmupSeconds(),
                    settings.latencySeconds(),
                    EndToEndThroughput.CHECKPOINT_INTERVAL.toMillis(),
                    PolygraphOptions.BATCH_SIZE.defaultValue(),
                    PolygraphOptions.MAX_BATCH_DELAY.defaultValue().toMillis(),
                    runs);
        }
    }

    private Measurement run(
            LocalKafkaBroker broker,
            Path snapshot,
            DeliveryGuarantee guarantee,
            RatePlan plan,
            int index,
            int cores)
            throws Exception {
        World world = EndToEndThroughput.world(plan.customers());
        BenchTopics topics = BenchTopics.suffixed("latency-" + index);
        topics.create(broker);
        String group = "bench-latency-" + index;
        try (LocalFlinkJob job = start(broker, snapshot, topics, group, guarantee, cores);
                TopicWatcher<Alert> alerts =
                        new TopicWatcher<>(
                                broker.adminConfig(), Topics.alerts(topics.alerts()), r -> {});
                WorldPublisher publisher =
                        new WorldPublisher(broker.adminConfig(), topics.worldTopics());
                ConsumerGroupProgress progress =
                        new ConsumerGroupProgress(broker.adminConfig(), group, topics.inputs())) {
            job.awaitAllTasksRunning(Duration.ofMinutes(2));
            if (!alerts.awaitAssignment(Duration.ofSeconds(30))) {
                throw new IllegalStateException("the alert consumer got no partitions in 30 s");
            }
            long start = System.nanoTime();
            long records = publisher.publish(world, plan.eventsPerSecond(), n -> {});
            double publishedRate = records / ((System.nanoTime() - start) / 1e9);
            awaitAlerts(job, progress, alerts, world.transactions().size());
            List<Map.Entry<String, Long>> arrivals =
                    alerts.received().stream()
                            .map(r -> Map.entry(r.value().getTransactionId(), r.receivedAtNanos()))
                            .toList();
            long measuredFrom = start + (long) (settings.latencyWarmupSeconds() * 1e9);
            Samples samples = Samples.of(publisher.publishedAtNanos(), arrivals, measuredFrom);
            return new Measurement(
                    guarantee.name(),
                    plan.load(),
                    plan.eventsPerSecond(),
                    publishedRate,
                    records,
                    world.transactions().size(),
                    samples.warmup(),
                    samples.notAlerted(),
                    Percentiles.of(samples.latenciesMillis()));
        }
    }

    /**
     * The maximum sustainable rate when benchmark 3 did not run: {@code world} is published as a
     * backlog, and the job (at-least-once, every transaction alerting) reads it; its alerts per
     * second between 20% and 80% of the transactions, counted as written to the alert topic (not on
     * checkpoints, which would make the count jump), times the world's input records per
     * transaction.
     */
    private static double backlogRate(
            LocalKafkaBroker broker, Path snapshot, World world, int cores) throws Exception {
        BenchTopics topics = BenchTopics.suffixed("latency-rate");
        topics.create(broker);
        try (WorldPublisher publisher =
                new WorldPublisher(broker.adminConfig(), topics.worldTopics())) {
            publisher.publish(world, 0, n -> {});
        }
        long transactions = world.transactions().size();
        try (LocalFlinkJob job =
                        start(
                                broker,
                                snapshot,
                                topics,
                                "bench-latency-rate",
                                DeliveryGuarantee.AT_LEAST_ONCE,
                                cores);
                Admin admin = Admin.create(broker.adminConfig())) {
            double alertsPerSecond =
                    new ProgressSampler(
                                    () -> EndToEndThroughput.endOffsets(admin, topics.alerts()),
                                    Duration.ofMillis(100))
                            .sustainedRate(transactions, 0.2, 0.8, CATCH_UP_TIMEOUT);
            return alertsPerSecond * world.eventsInTimeOrder().size() / transactions;
        }
    }

    /** Starts the job on {@code topics} with an alert threshold above every score. */
    private static LocalFlinkJob start(
            LocalKafkaBroker broker,
            Path snapshot,
            BenchTopics topics,
            String group,
            DeliveryGuarantee guarantee,
            int cores)
            throws Exception {
        Configuration config =
                EndToEndThroughput.jobConfiguration(broker, topics, group, guarantee);
        config.set(PolygraphOptions.PARALLELISM, cores);
        // Above every score: every transaction alerts, so every transaction is measured.
        config.set(PolygraphOptions.ALERT_THRESHOLD, 1.0);
        // A failure should fail the measurement, not hide in a restart.
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return LocalFlinkJob.start(
                config, LocalKafkaBroker.freePort(), SnapshotScorerFactory.forJob(snapshot));
    }

    /**
     * Waits until every transaction's alert arrived, or the job has committed all its input and no
     * alert arrived for a few seconds (a transaction that does not alert must not stall the run).
     */
    private static void awaitAlerts(
            LocalFlinkJob job,
            ConsumerGroupProgress progress,
            TopicWatcher<Alert> alerts,
            int transactions)
            throws Exception {
        long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
        int lastCount = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            job.checkRunning();
            int count = alerts.count();
            if (count >= transactions) {
                return;
            }
            if (count != lastCount) {
                lastCount = count;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > QUIET.toNanos() && progress.lag() == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                "the job did not catch up within "
                        + CATCH_UP_TIMEOUT
                        + ": "
                        + alerts.count()
                        + " of "
                        + transactions
                        + " alerts received");
    }
}
