package io.polygraph.deploy.bench;

import io.polygraph.deploy.flink.LocalFlinkJob;
import io.polygraph.deploy.kafka.LocalKafkaBroker;
import io.polygraph.deploy.world.WorldPublisher;
import io.polygraph.deploy.world.WorldPublisher.WorldTopics;
import io.polygraph.detector.ScorerFactory;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.world.World;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Benchmark 3: sustained input records per second of the Polygraph job (Kafka sources, decoding,
 * join, batch scoring, alert policy, exactly-once sinks) against a pass-through job that copies the
 * same records Kafka to Kafka ({@link PassThroughJob}), on a local broker and a local Flink
 * MiniCluster with one task slot per core, in one run.
 *
 * <p>The world is published first, as a backlog, so that each job reads as fast as it can: several
 * copies of it, of which the Polygraph job is timed on the first and the pass-through job on all
 * (it would finish one copy too fast to time; the Polygraph job finds the later copies behind its
 * watermark and dead-letters them). The Polygraph job's progress is its alerts, every transaction
 * alerting, written exactly-once and so visible on each checkpoint (every second); the pass-through
 * job's is the end offset of its output topic. Each rate is taken between 20% and 80% of the
 * backlog, leaving start-up and tail out.
 */
final class EndToEndThroughput {

    /** The two jobs' rates on the same records. */
    record Measurement(
            long records,
            long transactions,
            int cores,
            double polygraphRecordsPerSecond,
            double passThroughRecordsPerSecond) {

        double ratio() {
            return polygraphRecordsPerSecond / passThroughRecordsPerSecond;
        }
    }

    private static final long SEED = 4343;
    static final int PARTITIONS = 2;
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private final BenchSettings settings;

    EndToEndThroughput(BenchSettings settings) {
        this.settings = settings;
    }

    Measurement measure(ScorerFactory snapshot) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        World world = world(settings.endToEndCustomers());
        try (LocalKafkaBroker broker =
                LocalKafkaBroker.start(LocalKafkaBroker.Settings.ephemeral())) {
            WorldTopics inputs = BenchTopics.DEFAULT.worldTopics();
            List<String> inputNames = BenchTopics.DEFAULT.inputs();
            BenchTopics.DEFAULT.create(broker, "pass-through");
            // The world several times over: the pass-through job copies one world in well under a
            // second, too fast to time; the Polygraph job is timed on the first copy only.
            try (WorldPublisher publisher = new WorldPublisher(broker.adminConfig(), inputs)) {
                for (int copy = 0; copy < settings.endToEndCopies(); copy++) {
                    publisher.publish(world, 0, n -> {});
                }
            }
            long records = world.eventsInTimeOrder().size();
            double passThrough =
                    passThrough(broker, inputNames, records * settings.endToEndCopies(), cores);
            double polygraph =
                    polygraph(broker, snapshot, records, world.transactions().size(), cores);
            return new Measurement(
                    records, world.transactions().size(), cores, polygraph, passThrough);
        }
    }

    private double passThrough(
            LocalKafkaBroker broker, List<String> inputs, long records, int cores)
            throws Exception {
        StreamExecutionEnvironment env = environment(cores);
        env.enableCheckpointing(1000);
        PassThroughJob.build(
                env,
                broker.bootstrapServers(),
                inputs,
                "pass-through",
                "bench-pass-through",
                "bench-pass-through");
        JobClient job = env.executeAsync("polygraph-bench-pass-through");
        try (Admin admin = Admin.create(broker.adminConfig())) {
            return new ProgressSampler(
                            () -> endOffsets(admin, "pass-through"), Duration.ofMillis(20))
                    .sustainedRate(records, 0.2, 0.8, TIMEOUT);
        } finally {
            job.cancel().get();
        }
    }

    /**
     * The Polygraph job's rate: its alerts per second, every transaction alerting, times the
     * world's input records per transaction. Not its committed input offsets: the join holds a
     * transaction in state until its presented signature arrives, so on a backlog the sources can
     * read (and commit) far ahead of what was scored; one quick run that way gave 13,830 records/s,
     * several times what the detector scores. The alerts are written exactly-once, so they appear
     * on each second's checkpoint.
     */
    private double polygraph(
            LocalKafkaBroker broker,
            ScorerFactory snapshot,
            long records,
            long transactions,
            int cores)
            throws Exception {
        try (LocalFlinkJob job =
                        AlertingJob.start(
                                broker,
                                snapshot,
                                BenchTopics.DEFAULT,
                                "bench-polygraph",
                                DeliveryGuarantee.EXACTLY_ONCE,
                                cores,
                                JobTuning.DEFAULTS);
                Admin admin = Admin.create(broker.adminConfig())) {
            double alertsPerSecond =
                    new ProgressSampler(
                                    () -> endOffsets(admin, BenchTopics.DEFAULT.alerts()),
                                    Duration.ofMillis(200))
                            .sustainedRate(transactions, 0.2, 0.8, TIMEOUT);
            return alertsPerSecond * records / transactions;
        }
    }

    /** The world both jobs read: {@code customers} customers of the default world, seed 4343. */
    static World world(int customers) {
        return WorldGenerator.generate(worldConfig(customers));
    }

    /** The configuration {@link #world} generates from. */
    static WorldConfig worldConfig(int customers) {
        return WorldConfig.defaults().withSeed(SEED).withCustomers(customers);
    }

    /**
     * The Polygraph job's options on {@code topics} of {@code broker}: consumer group and (for
     * exactly-once) transactional id prefix {@code groupId}, checkpoints every second (exactly-once
     * output becomes visible on them); parallelism, scoring and alert policy as by default.
     */
    static Configuration jobConfiguration(
            LocalKafkaBroker broker,
            BenchTopics topics,
            String groupId,
            DeliveryGuarantee guarantee) {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        config.set(PolygraphOptions.GROUP_ID, groupId);
        config.set(PolygraphOptions.TRANSACTIONS_TOPIC, topics.transactions());
        config.set(PolygraphOptions.PROFILES_TOPIC, topics.profiles());
        config.set(PolygraphOptions.SIGNATURES_TOPIC, topics.signatures());
        config.set(PolygraphOptions.ALERTS_TOPIC, topics.alerts());
        config.set(PolygraphOptions.DEAD_LETTERS_TOPIC, topics.deadLetters());
        config.set(PolygraphOptions.DELIVERY_GUARANTEE, guarantee);
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            config.set(PolygraphOptions.TRANSACTIONAL_ID_PREFIX, groupId);
        }
        config.set(PolygraphOptions.CHECKPOINT_INTERVAL, CHECKPOINT_INTERVAL);
        return config;
    }

    private static StreamExecutionEnvironment environment(int cores) {
        Configuration config = new Configuration();
        // A failure should fail the measurement, not hide in a restart.
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return StreamExecutionEnvironment.createLocalEnvironment(cores, config);
    }

    /** Records written to {@code topic} so far (sum of its partitions' end offsets). */
    static long endOffsets(Admin admin, String topic) {
        try {
            Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(request).all().get().values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
