package io.polygraph.deploy.bench;

import io.polygraph.deploy.bench.LatencyArithmetic.Percentiles;
import io.polygraph.deploy.bench.LatencyArithmetic.RatePlan;
import io.polygraph.deploy.bench.LatencyArithmetic.Samples;
import io.polygraph.deploy.bench.LatencyUnderLoad.Measurement;
import io.polygraph.deploy.demo.ConsumerGroupProgress;
import io.polygraph.deploy.demo.TopicWatcher;
import io.polygraph.deploy.flink.LocalFlinkJob;
import io.polygraph.deploy.kafka.LocalKafkaBroker;
import io.polygraph.deploy.world.WorldPublisher;
import io.polygraph.detector.ScorerFactory;
import io.polygraph.schema.Alert;
import io.polygraph.topic.Topics;
import io.polygraph.world.World;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.DeliveryGuarantee;

/**
 * One run of benchmark 4: the job started afresh on the run's own topics, a world published at the
 * plan's rate with the demo's paced {@link WorldPublisher}, the alerts watched by a {@code
 * read_committed} {@link TopicWatcher} until all arrived, and the latencies after the warm-up
 * collected.
 */
final class PacedLatencyRun {

    private static final Duration QUIET = Duration.ofSeconds(3);

    /**
     * Customers of the priming world: about 10,000 records, several seconds of the job's work on
     * two cores.
     */
    static final int PRIMING_CUSTOMERS = 150;

    /** How much earlier the priming world is dated than the measured one. */
    static final int PRIMING_YEARS_EARLIER = 2;

    private final LocalKafkaBroker broker;
    private final ScorerFactory snapshot;
    private final int cores;
    private final double warmupSeconds;
    private final World priming;

    /**
     * @param snapshot the detector snapshot the job scores with
     * @param warmupSeconds publishing time left out at the start of the run
     */
    PacedLatencyRun(
            LocalKafkaBroker broker, ScorerFactory snapshot, int cores, double warmupSeconds) {
        this.broker = broker;
        this.snapshot = snapshot;
        this.cores = cores;
        this.warmupSeconds = warmupSeconds;
        // Generated once: the same world primes every run and probe.
        this.priming = primingWorld();
    }

    /**
     * Runs with {@code guarantee} and {@code tuning} as {@code plan} says.
     *
     * @param index distinguishes the run's topics and consumer group from the other runs'
     */
    Measurement measure(DeliveryGuarantee guarantee, JobTuning tuning, RatePlan plan, int index)
            throws Exception {
        World world = EndToEndThroughput.world(plan.customers());
        BenchTopics topics = BenchTopics.suffixed("latency-" + index);
        topics.create(broker);
        String group = "bench-latency-" + index;
        try (LocalFlinkJob job =
                        AlertingJob.start(
                                broker, snapshot, topics, group, guarantee, cores, tuning);
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
            int primingAlerts = prime(job, progress, alerts, topics);
            GcActivity gcBefore = GcActivity.soFar();
            long start = System.nanoTime();
            long startWallMillis = System.currentTimeMillis();
            long records = publisher.publish(world, plan.eventsPerSecond(), n -> {});
            double publishedRate = records / ((System.nanoTime() - start) / 1e9);
            GcActivity gc = GcActivity.soFar().since(gcBefore);
            awaitAlerts(job, progress, alerts, primingAlerts + world.transactions().size());
            List<Map.Entry<String, Long>> arrivals = arrivals(alerts, primingAlerts);
            long measuredFrom = start + (long) (warmupSeconds * 1e9);
            Samples samples = Samples.of(publisher.publishedAtNanos(), arrivals, measuredFrom);
            Samples scored =
                    Samples.of(
                            publisher.publishedAtNanos(),
                            detections(alerts, primingAlerts, start, startWallMillis),
                            measuredFrom);
            return new Measurement(
                    guarantee.name(),
                    tuning.name(),
                    plan.load(),
                    plan.eventsPerSecond(),
                    publishedRate,
                    records,
                    world.transactions().size(),
                    samples.warmup(),
                    samples.notAlerted(),
                    Percentiles.of(samples.latenciesMillis()),
                    Percentiles.of(scored.latenciesMillis()),
                    samples.trend(),
                    gc,
                    null);
        }
    }

    /**
     * Transaction id and detection time of each alert, in arrival order: the alert's {@code
     * detectionTime} (the wall clock of the scoring operator, in this JVM, when its batch was
     * scored) on the {@link System#nanoTime()} scale, through a pair of readings of both clocks.
     * Millisecond resolution.
     */
    private static List<Map.Entry<String, Long>> detections(
            TopicWatcher<Alert> alerts, int skipped, long nanosAt, long wallMillisAt) {
        return received(alerts, skipped).stream()
                .map(
                        r ->
                                Map.entry(
                                        r.value().getTransactionId(),
                                        nanosAt
                                                + (r.value().getDetectionTime().toEpochMilli()
                                                                - wallMillisAt)
                                                        * 1_000_000L))
                .toList();
    }

    /** Transaction id and receiving time of each alert after the first {@code skipped}. */
    private static List<Map.Entry<String, Long>> arrivals(TopicWatcher<Alert> alerts, int skipped) {
        return received(alerts, skipped).stream()
                .map(r -> Map.entry(r.value().getTransactionId(), r.receivedAtNanos()))
                .toList();
    }

    /** The alerts received after the first {@code skipped} (the priming world's), in order. */
    private static List<TopicWatcher.Received<Alert>> received(
            TopicWatcher<Alert> alerts, int skipped) {
        List<TopicWatcher.Received<Alert>> all = alerts.received();
        return all.subList(Math.min(skipped, all.size()), all.size());
    }

    /**
     * Brings the job to its steady state before the measured world: a freshly started job scores
     * far below its capacity for several seconds (compiling its hot code, first fetches), and at a
     * paced rate the queue it builds then takes most of a short run to drain; a quick run at half
     * the rate showed latencies growing to 5 s in the first 4 s and still falling at the end. So a
     * priming world is published as a backlog first and all its alerts awaited. Its customers carry
     * the same ids as the measured world's but are dated {@link #PRIMING_YEARS_EARLIER} years
     * earlier, so that the measured records are not behind the watermark it leaves, and its alerts
     * (the same transaction ids) are told apart by arriving first. It has a publisher of its own,
     * so that the measured publisher's sending times are the measured world's alone.
     *
     * @return the number of alerts the priming world produced, all received
     */
    private int prime(
            LocalFlinkJob job,
            ConsumerGroupProgress progress,
            TopicWatcher<Alert> alerts,
            BenchTopics topics)
            throws Exception {
        try (WorldPublisher publisher =
                new WorldPublisher(broker.adminConfig(), topics.worldTopics())) {
            publisher.publish(priming, 0, n -> {});
        }
        awaitAlerts(job, progress, alerts, priming.transactions().size());
        return alerts.count();
    }

    /** The priming world: {@link #PRIMING_CUSTOMERS} customers, years before the measured one. */
    static World primingWorld() {
        // The measured world's configuration, at the priming size: only seed and start differ.
        WorldConfig measured = EndToEndThroughput.worldConfig(PRIMING_CUSTOMERS);
        return WorldGenerator.generate(
                measured.withSeed(measured.seed() + 1)
                        .withStart(
                                measured.start()
                                        .atZone(ZoneOffset.UTC)
                                        .minusYears(PRIMING_YEARS_EARLIER)
                                        .toInstant()));
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
        Duration catchUpTimeout = LatencyUnderLoad.CATCH_UP_TIMEOUT;
        long deadline = System.nanoTime() + catchUpTimeout.toNanos();
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
                        + catchUpTimeout
                        + ": "
                        + alerts.count()
                        + " of "
                        + transactions
                        + " alerts received");
    }
}
