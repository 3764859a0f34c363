package io.polygraph.deploy.bench;

import io.polygraph.deploy.flink.LocalFlinkJob;
import io.polygraph.deploy.kafka.LocalKafkaBroker;
import io.polygraph.deploy.world.WorldPublisher;
import io.polygraph.detector.ScorerFactory;
import io.polygraph.world.World;
import java.time.Duration;
import java.util.Locale;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.kafka.clients.admin.Admin;

/**
 * The maximum sustainable rate benchmark 4's loads are fractions of: the Polygraph job's input
 * records per second reading a backlog.
 *
 * @param recordsPerSecond the rate, input records per second
 * @param source where it comes from: benchmark 3 of this run, or measured here
 */
record MaximumRate(double recordsPerSecond, String source) {

    /** Benchmark 3's figure, when it ran in the same run. */
    static MaximumRate ofEndToEnd(EndToEndThroughput.Measurement endToEnd) {
        return new MaximumRate(endToEnd.polygraphRecordsPerSecond(), "benchmark 3 of this run");
    }

    /**
     * The maximum sustainable rate when benchmark 3 did not run: {@code world} is published as a
     * backlog, and the job (at-least-once, every transaction alerting) reads it; its alerts per
     * second between 20% and 80% of the transactions, counted as written to the alert topic (not on
     * checkpoints, which would make the count jump), times the world's input records per
     * transaction.
     */
    static MaximumRate measuredOnBacklog(
            LocalKafkaBroker broker, ScorerFactory snapshot, World world, int cores)
            throws Exception {
        long records = world.eventsInTimeOrder().size();
        long transactions = world.transactions().size();
        double alertsPerSecond = backlogAlertRate(broker, snapshot, world, cores);
        return new MaximumRate(
                alertsPerSecond * records / transactions,
                String.format(
                        Locale.ROOT,
                        "measured here: alerts/s of the job reading a backlog of %d"
                                + " records, times %.2f records per transaction",
                        records,
                        (double) records / transactions));
    }

    /** Alerts per second of the job reading {@code world} as a backlog. */
    private static double backlogAlertRate(
            LocalKafkaBroker broker, ScorerFactory snapshot, World world, int cores)
            throws Exception {
        BenchTopics topics = BenchTopics.suffixed("latency-rate");
        topics.create(broker);
        try (WorldPublisher publisher =
                new WorldPublisher(broker.adminConfig(), topics.worldTopics())) {
            publisher.publish(world, 0, n -> {});
        }
        long transactions = world.transactions().size();
        try (LocalFlinkJob job =
                        AlertingJob.start(
                                broker,
                                snapshot,
                                topics,
                                "bench-latency-rate",
                                DeliveryGuarantee.AT_LEAST_ONCE,
                                cores,
                                JobTuning.DEFAULTS);
                Admin admin = Admin.create(broker.adminConfig())) {
            return new ProgressSampler(
                            () -> EndToEndThroughput.endOffsets(admin, topics.alerts()),
                            Duration.ofMillis(100))
                    .sustainedRate(transactions, 0.2, 0.8, LatencyUnderLoad.CATCH_UP_TIMEOUT);
        }
    }
}
