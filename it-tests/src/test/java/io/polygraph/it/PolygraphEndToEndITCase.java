package io.polygraph.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.deploy.demo.AlertEvaluation;
import io.polygraph.deploy.demo.ConsumerGroupProgress;
import io.polygraph.deploy.demo.TopicWatcher;
import io.polygraph.deploy.kafka.LocalKafkaBroker;
import io.polygraph.deploy.world.BadRecords;
import io.polygraph.deploy.world.WorldPublisher;
import io.polygraph.deploy.world.WorldPublisher.WorldTopics;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.job.PolygraphJob;
import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.schema.Alert;
import io.polygraph.schema.DeadLetter;
import io.polygraph.train.CombinedTrainer;
import io.polygraph.train.TrainingListener;
import io.polygraph.train.TrainingResult;
import io.polygraph.world.World;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import io.polygraph.world.WorldJoin;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path with real parts: a KRaft Kafka broker, the default combined detector (CMAD and a
 * DMAFN classifier) trained on one world with its threshold set on a second, the Polygraph job on a
 * Flink MiniCluster, and a third world (new customers, new writers) streamed through Kafka with
 * damaged records mixed in.
 *
 * <p>The live world is published as fast as the broker takes it, so the job runs backpressured from
 * the start: the quality bar also checks that no modality is lost in the join under load.
 */
class PolygraphEndToEndITCase {

    private static final long TRAINING_SEED = 1042;

    /** As {@code train} and {@code demo} pick it: other customers than both other worlds. */
    private static final long CALIBRATION_SEED = 2042;

    private static final long LIVE_SEED = 42;
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(8);

    /** Issue 2's quality bar on the injected cross-modal anomalies. */
    private static final double PRECISION_FLOOR = 0.8;

    private static final double CROSS_MODAL_RECALL_FLOOR = 0.7;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir static Path tempDir;

    private static LocalKafkaBroker broker;
    private static Path snapshotPath;
    private static ModelInfo model;

    @BeforeAll
    static void startBrokerAndTrainDetector() throws Exception {
        broker = LocalKafkaBroker.start(LocalKafkaBroker.Settings.ephemeral());
        CombinedTrainer trainer = CombinedTrainer.defaults();
        int recentLimit = trainer.cmadConfig().recentLimit();
        TrainingResult result =
                trainer.train(
                        WorldJoin.join(generate(TRAINING_SEED), recentLimit),
                        WorldJoin.join(generate(CALIBRATION_SEED), recentLimit),
                        TrainingListener.NONE);
        System.out.println(
                "Held-out evaluation of the trained detector:\n" + result.heldOut().summary());
        snapshotPath = tempDir.resolve("combined.zip");
        result.snapshot().save(snapshotPath);
        model = DetectorSnapshot.read(snapshotPath).modelInfo();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void alertsOnCrossModalAnomaliesAndDeadLettersBadRecords() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Configuration config = jobConfiguration(suffix);
        JobSettings settings = JobSettings.from(config);
        WorldTopics worldTopics = JobTopics.create(broker, settings, suffix, 2);
        World live = generate(LIVE_SEED);
        List<BadRecords.BadRecord> bad =
                new BadRecords(worldTopics, LIVE_SEED)
                        .make(60, live.transactions().get(0), live.enrolmentSignatures().get(0));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobClient job =
                PolygraphJob.execute(env, settings, new SnapshotScorerFactory(snapshotPath));
        Map<String, Object> client = broker.adminConfig();
        try (TopicWatcher<Alert> alerts =
                        new TopicWatcher<>(client, settings.alertsTopic(), r -> {});
                TopicWatcher<DeadLetter> deadLetters =
                        new TopicWatcher<>(client, settings.deadLettersTopic(), r -> {});
                WorldPublisher publisher = new WorldPublisher(client, worldTopics);
                ConsumerGroupProgress progress =
                        new ConsumerGroupProgress(
                                client,
                                settings.groupId(),
                                List.of(
                                        worldTopics.transactions().name(),
                                        worldTopics.profiles().name(),
                                        worldTopics.signatures().name()))) {
            publisher.publish(live, 0, n -> {});
            publisher.publishRaw(bad.stream().map(BadRecords.BadRecord::record).toList());

            assertThat(progress.awaitCaughtUp(CATCH_UP_TIMEOUT))
                    .as("the job commits every input record within %s", CATCH_UP_TIMEOUT)
                    .isTrue();
            assertThat(job.getJobStatus().get().isGloballyTerminalState())
                    .as("the job keeps running through bad input")
                    .isFalse();
            awaitCount(deadLetters, bad.size());

            assertAlerts(
                    alerts.received().stream().map(TopicWatcher.Received::value).toList(), live);
            assertDeadLetters(
                    deadLetters.received().stream().map(TopicWatcher.Received::value).toList(),
                    bad);
        } finally {
            job.cancel().get();
        }
    }

    private static void assertAlerts(List<Alert> alerts, World live) {
        assertThat(alerts).isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (Alert alert : alerts) {
            assertThat(alert.getModelVersion()).isEqualTo(model.version());
            assertThat(alert.getThreshold()).isEqualTo(model.threshold());
            assertThat(alert.getScore()).isLessThan(alert.getThreshold());
            assertThat(alert.getReasonCodes()).isNotEmpty();
            ids.add(alert.getTransactionId());
        }
        assertThat(ids).as("no alert twice without a failure").hasSameSizeAs(alerts);
        AlertEvaluation quality = AlertEvaluation.of(live.labels(), ids);
        System.out.printf(
                "End to end: %d transactions, %d alerts, precision %.3f, cross-modal recall %.3f,"
                        + " per type %s of %s%n",
                live.transactions().size(),
                alerts.size(),
                quality.precision(),
                quality.crossModalRecall(),
                quality.detectedByType(),
                quality.anomaliesByType());
        assertThat(quality.unknownAlerts()).isZero();
        assertThat(quality.precision()).isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(quality.crossModalRecall()).isGreaterThanOrEqualTo(CROSS_MODAL_RECALL_FLOOR);
    }

    private static World generate(long seed) {
        return WorldGenerator.generate(WorldConfig.defaults().withSeed(seed));
    }

    private static void assertDeadLetters(
            List<DeadLetter> letters, List<BadRecords.BadRecord> bad) {
        assertThat(letters).hasSameSizeAs(bad);
        Set<ByteBuffer> badValues = new HashSet<>();
        bad.forEach(b -> badValues.add(ByteBuffer.wrap(b.record().value())));
        for (DeadLetter letter : letters) {
            assertThat(letter.getReason()).isNotBlank();
            assertThat(letter.getErrorClass()).isNotBlank();
            assertThat(letter.getOffset()).isNotNegative();
            assertThat(badValues).contains(letter.getOriginalValue());
        }
    }

    private static void awaitCount(TopicWatcher<?> watcher, int expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (watcher.count() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static Configuration jobConfiguration(String suffix) {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        config.set(PolygraphOptions.GROUP_ID, "polygraph-it-" + suffix);
        config.set(PolygraphOptions.TRANSACTIONS_TOPIC, "transactions-" + suffix);
        config.set(PolygraphOptions.PROFILES_TOPIC, "profiles-" + suffix);
        config.set(PolygraphOptions.SIGNATURES_TOPIC, "signatures-" + suffix);
        config.set(PolygraphOptions.ALERTS_TOPIC, "alerts-" + suffix);
        config.set(PolygraphOptions.DEAD_LETTERS_TOPIC, "dead-letters-" + suffix);
        config.set(PolygraphOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(2));
        config.set(PolygraphOptions.PARALLELISM, 2);
        return config;
    }
}
