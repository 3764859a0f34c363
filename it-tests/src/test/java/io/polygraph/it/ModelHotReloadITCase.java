package io.polygraph.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.deploy.cli.PolygraphCli;
import io.polygraph.deploy.demo.TopicWatcher;
import io.polygraph.deploy.kafka.LocalKafkaBroker;
import io.polygraph.deploy.kafka.TopicSetup;
import io.polygraph.deploy.world.WorldPublisher.WorldTopics;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.job.PolygraphJob;
import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.job.model.ModelAnnouncements;
import io.polygraph.schema.Alert;
import io.polygraph.schema.ModelAnnouncement;
import io.polygraph.schema.ModelRole;
import io.polygraph.schema.ShadowScore;
import io.polygraph.topic.Topic;
import io.polygraph.world.World;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot model reload through a real KRaft broker into the real job on a MiniCluster: the job starts
 * on one trained snapshot, a second is announced with {@code polygraph announce} while the job
 * runs, and a tampered announcement is refused.
 *
 * <p>Asserted: every transaction is alerted exactly once (the alert threshold is raised above every
 * score, so every scored record alerts and the test sees each), each alert names one of the two
 * versions and the records sent after the swap name the new one; both scoring subtasks swapped once
 * and refused the tampered announcement once (by their counters); the shadow model scored every
 * record to its own topic; the job never restarted; and {@code polygraph announce} refuses a
 * snapshot without reference records before it reaches the topic.
 */
class ModelHotReloadITCase {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    private static final WorldConfig WORLD =
            WorldConfig.defaults().withSeed(5).withCustomers(15).withSpan(Duration.ofDays(5));

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    private static final int PARALLELISM = 2;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .build());

    @TempDir static Path tempDir;

    private static LocalKafkaBroker broker;
    private static Path first;
    private static Path second;
    private static Path unchecked;

    @BeforeAll
    static void startBrokerAndTrainTwoModels() throws Exception {
        broker = LocalKafkaBroker.start(LocalKafkaBroker.Settings.ephemeral());
        first = tempDir.resolve("first.zip");
        second = tempDir.resolve("second.zip");
        unchecked = tempDir.resolve("unchecked.zip");
        train(7).save(first);
        DetectorSnapshot secondModel = train(8);
        secondModel.save(second);
        secondModel.withoutReferenceRecords().save(unchecked);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void anAnnouncedModelTakesOverWithoutARestartAndATamperedOneIsRefused() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        JobSettings settings = JobSettings.from(jobConfiguration(suffix));
        WorldTopics topics = JobTopics.create(broker, settings, suffix, ClosingRecords.PARTITIONS);
        Topic<ModelAnnouncement> updates = settings.modelUpdatesTopic().orElseThrow();
        new TopicSetup(broker.adminConfig())
                .ensureTopics(List.of(updates.name(), settings.shadowScoresTopic().name()), 1);
        String firstVersion = DetectorSnapshot.read(first).modelInfo().version();
        String secondVersion = DetectorSnapshot.read(second).modelInfo().version();
        World world = WorldGenerator.generate(WORLD);
        long transactions = world.transactions().size() + ClosingRecords.TRANSACTIONS;

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration noRestarts = new Configuration();
        noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        env.configure(noRestarts);
        JobClient job = PolygraphJob.execute(env, settings, SnapshotScorerFactory.forJob(first));
        try (TopicWatcher<Alert> alerts =
                        new TopicWatcher<>(broker.adminConfig(), settings.alertsTopic(), r -> {});
                TopicWatcher<ShadowScore> shadow =
                        new TopicWatcher<>(
                                broker.adminConfig(), settings.shadowScoresTopic(), r -> {});
                InterleavedPublisher publisher =
                        new InterleavedPublisher(broker.adminConfig(), topics)) {
            publisher.publish(world, List.of());
            awaitOrFail(() -> alerts.count() > 0, job, "a first alert");

            ModelAnnouncement tampered =
                    ModelAnnouncements.forSnapshot(second, second.toString(), ModelRole.PRIMARY);
            tampered.setSha256("0".repeat(64));
            publisher.publishAndWait(List.of(record(updates, tampered)));
            assertThat(announce(unchecked, updates))
                    .as("announce refuses a snapshot the job would refuse")
                    .isNotZero();
            assertThat(announce(second, updates)).isZero();
            awaitOrFail(
                    () -> counters(job).sum("polygraph.modelSwaps") == PARALLELISM,
                    job,
                    "every scoring subtask to swap");

            // Sent after the swap; their event times also close every pending join.
            publisher.publishAndWait(ClosingRecords.of(world, topics));
            awaitOrFail(
                    () -> alerts.count() >= transactions && shadow.count() >= transactions,
                    job,
                    "an alert and a shadow score for every transaction");
            Thread.sleep(1000); // whatever arrived now would be a duplicate

            JobCounters counters = counters(job);
            Map<String, String> versionByTransaction = versionByTransaction(alerts);
            Map<String, Long> alertsByVersion =
                    versionByTransaction.values().stream()
                            .collect(Collectors.groupingBy(v -> v, Collectors.counting()));
            System.out.printf(
                    "Hot reload: %d transactions, alerts by version %s, swaps %d, rejections %d,"
                            + " shadow scores %d, restarts %d%n",
                    transactions,
                    alertsByVersion,
                    counters.sum("polygraph.modelSwaps"),
                    counters.sum("polygraph.modelRejections"),
                    shadow.count(),
                    counters.numRestarts());

            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            assertThat(alerts.count()).as("no alert twice").isEqualTo(transactions);
            assertThat(versionByTransaction).hasSize((int) transactions);
            assertThat(alertsByVersion.keySet()).containsOnly(firstVersion, secondVersion);
            for (int partition = 0; partition < ClosingRecords.PARTITIONS; partition++) {
                assertThat(versionByTransaction.get("closing-tx-" + partition))
                        .isEqualTo(secondVersion);
            }
            assertThat(counters.sum("polygraph.modelSwaps")).isEqualTo(PARALLELISM);
            assertThat(counters.sum("polygraph.modelRejected.CHECKSUM_MISMATCH"))
                    .isEqualTo(PARALLELISM);
            assertThat(counters.sum("polygraph.modelRejections")).isEqualTo(PARALLELISM);
            assertThat(shadow.count()).isEqualTo(transactions);
            assertThat(shadow.received())
                    .allSatisfy(
                            s ->
                                    assertThat(s.value().getShadowModelVersion())
                                            .isEqualTo(secondVersion));
            assertThat(counters.numRestarts()).isZero();
        } finally {
            job.cancel().get();
        }
    }

    private static int announce(Path snapshot, Topic<ModelAnnouncement> updates) {
        return PolygraphCli.commandLine()
                .execute(
                        "announce",
                        "--snapshot",
                        snapshot.toString(),
                        "--topic",
                        updates.name(),
                        "--bootstrap-servers",
                        broker.bootstrapServers());
    }

    private static ProducerRecord<byte[], byte[]> record(
            Topic<ModelAnnouncement> topic, ModelAnnouncement announcement) {
        return new ProducerRecord<>(
                topic.name(),
                announcement.getVersion().getBytes(StandardCharsets.UTF_8),
                topic.codec().encode(announcement));
    }

    private static Map<String, String> versionByTransaction(TopicWatcher<Alert> alerts) {
        Map<String, String> versions = new HashMap<>();
        alerts.received()
                .forEach(
                        r ->
                                versions.put(
                                        r.value().getTransactionId(), r.value().getModelVersion()));
        return versions;
    }

    private static JobCounters counters(JobClient job) {
        return JobCounters.of(METRICS, job.getJobID());
    }

    private static void awaitOrFail(BooleanSupplier condition, JobClient job, String what)
            throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(job.getJobStatus().get().isGloballyTerminalState())
                    .as("the job ended while waiting for %s", what)
                    .isFalse();
            assertThat(System.nanoTime())
                    .as("waited %s for %s", TIMEOUT, what)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static DetectorSnapshot train(long seed) {
        return TinyDetector.train(WorldGenerator.generate(WORLD.withSeed(seed).withCustomers(12)));
    }

    private static Configuration jobConfiguration(String suffix) {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        config.set(PolygraphOptions.GROUP_ID, "polygraph-hot-reload-" + suffix);
        config.set(PolygraphOptions.TRANSACTIONS_TOPIC, "transactions-" + suffix);
        config.set(PolygraphOptions.PROFILES_TOPIC, "profiles-" + suffix);
        config.set(PolygraphOptions.SIGNATURES_TOPIC, "signatures-" + suffix);
        config.set(PolygraphOptions.ALERTS_TOPIC, "alerts-" + suffix);
        config.set(PolygraphOptions.DEAD_LETTERS_TOPIC, "dead-letters-" + suffix);
        config.set(PolygraphOptions.MODEL_UPDATES_TOPIC, "model-updates-" + suffix);
        config.set(PolygraphOptions.SHADOW_SCORES_TOPIC, "shadow-scores-" + suffix);
        config.set(PolygraphOptions.SHADOW_SNAPSHOT_PATH, second.toString());
        // Above every score: every scored record alerts, so the test sees which model scored it.
        config.set(PolygraphOptions.ALERT_THRESHOLD, 1.0);
        config.set(PolygraphOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(2));
        config.set(PolygraphOptions.PARALLELISM, PARALLELISM);
        return config;
    }
}
