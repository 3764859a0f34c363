package io.polygraph.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.deploy.demo.ConsumerGroupProgress;
import io.polygraph.deploy.demo.TopicWatcher;
import io.polygraph.deploy.kafka.LocalKafkaBroker;
import io.polygraph.deploy.world.WorldPublisher;
import io.polygraph.deploy.world.WorldPublisher.WorldTopics;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.job.PolygraphJob;
import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.job.kafka.KafkaJobSinks;
import io.polygraph.job.kafka.KafkaJobSources;
import io.polygraph.schema.Alert;
import io.polygraph.world.World;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once alerts under failures (issue 5): with {@code polygraph.sink.delivery-guarantee}
 * {@code exactly-once}, a job that fails several times writes exactly the alerts of a run that
 * never failed, none missing and none twice, as a {@code read_committed} consumer sees them.
 *
 * <p>Real parts: the in-process KRaft broker, the real job with its Kafka sources and sinks on a
 * MiniCluster of two single-slot TaskManagers, and a detector snapshot trained in the test. Over
 * 150,000 transactions are published once; two runs read them with their own consumer groups, alert
 * topics and transactional ids. The reference run never fails (and may not restart). The failing
 * run is broken {@value #FAILURE_ROUNDS} times in each of two ways, each after a completed
 * checkpoint: an exception thrown in front of the alert sink ({@link FailureInjector}), and a
 * TaskManager running a subtask terminated and replaced by a new one ({@link Disruptions}). The
 * alerts committed by each run are compared by transaction id (the same transactions alerted, by
 * the same model version, with scores equal to float precision: see {@link AlertComparison}), each
 * run's committed alerts must name every transaction at most once, and every failure must find
 * input still unread.
 *
 * <p>The comparison is sound only if the job's output does not depend on timing; see {@link
 * TimingIndependentWorld} for the input and {@link #runConfiguration} for the settings that make it
 * so.
 *
 * <p>The detector is a tiny autoencoder trained for one epoch in seconds: this test is about
 * delivery, not detection quality; its snapshot's threshold yields a few thousand alerts.
 */
class ExactlyOnceAlertsITCase {

    private static final int FAILURE_ROUNDS = 2;
    private static final int MIN_TRANSACTIONS = 150_000;

    /**
     * Short, so that failures find uncommitted output in flight and the end of a run shows soon:
     * exactly-once output becomes visible only when a checkpoint completes.
     */
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

    /** Alerts a subtask passes after a completed checkpoint before the injector may throw. */
    private static final int ALERTS_BEFORE_INJECTED_FAILURE = 20;

    /** Longest wait for one run to commit everything; only a failing test waits this long. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    /** Longest wait for one failure and its recovery. */
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                            // One slot each and parallelism 2: every live TaskManager runs a
                            // subtask, so terminating any of them fails the job.
                            .setNumberTaskManagers(2)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    @TempDir static Path tempDir;

    private static long startNanos;
    private static LocalKafkaBroker broker;
    private static Path snapshot;
    private static String suffix;
    private static World live;

    @BeforeAll
    static void startBrokerTrainDetectorAndPublishInput() throws Exception {
        startNanos = System.nanoTime();
        broker = LocalKafkaBroker.start(LocalKafkaBroker.Settings.ephemeral());
        snapshot =
                TinyDetector.trainAndSave(
                        TimingIndependentWorld.generate(TimingIndependentWorld.TRAINING),
                        tempDir.resolve("autoencoder.zip"));

        suffix = UUID.randomUUID().toString().substring(0, 8);
        live = TimingIndependentWorld.generate(TimingIndependentWorld.OVER_150_000_TRANSACTIONS);
        JobSettings reference = JobSettings.from(runConfiguration("reference"));
        WorldTopics topics = JobTopics.create(broker, reference, suffix, ClosingRecords.PARTITIONS);
        JobTopics.create(
                broker,
                JobSettings.from(runConfiguration("failing")),
                suffix,
                ClosingRecords.PARTITIONS);
        // Published in full before either run starts: each partition then holds its records in
        // event-time order, and no source ever waits for input the publisher has yet to send.
        try (WorldPublisher publisher = new WorldPublisher(broker.adminConfig(), topics)) {
            publisher.publish(live, 0, n -> {});
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void failingRunCommitsExactlyTheAlertsOfAFailureFreeRun(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        assertThat(live.transactions().size()).isGreaterThanOrEqualTo(MIN_TRANSACTIONS);

        long referenceStart = System.nanoTime();
        List<Alert> reference = runWithoutFailures();
        long referenceSeconds = secondsSince(referenceStart);

        long failingStart = System.nanoTime();
        FailingRun failing = runWithFailures(cluster);
        long failingSeconds = secondsSince(failingStart);

        assertNoTransactionTwice(reference, "reference run");
        assertNoTransactionTwice(failing.alerts(), "failing run");
        assertThat(reference.size())
                .as("alerts of the reference run: enough for the comparison to mean something")
                .isBetween(100, live.transactions().size() / 10);
        assertThat(failing.injectedFailures()).isEqualTo(FAILURE_ROUNDS);
        assertThat(failing.terminatedTaskManagers()).isEqualTo(FAILURE_ROUNDS);
        assertThat(failing.restarts())
                .as("restarts: one per injected failure and per terminated TaskManager")
                .isGreaterThanOrEqualTo(2L * FAILURE_ROUNDS);
        assertThat(failing.lagAtFailures())
                .as("input records not yet committed at each failure: every failure mid-run")
                .hasSize(2 * FAILURE_ROUNDS)
                .allSatisfy(lag -> assertThat(lag).isPositive());
        AlertComparison comparison = AlertComparison.of(reference, failing.alerts());
        assertThat(comparison.missing())
                .as("alerts of the reference run the failing run did not commit")
                .isEmpty();
        assertThat(comparison.extra())
                .as("alerts the failing run committed that the reference run did not")
                .isEmpty();
        assertThat(comparison.otherModel())
                .as("alerts of both runs scored by different model versions")
                .isEmpty();
        assertThat(comparison.maxScoreDifference())
                .as("largest score difference of an alert in both runs")
                .isLessThanOrEqualTo(AlertComparison.SCORE_TOLERANCE);
        assertThat(comparison.borderline())
                .as(
                        "alerts within the score tolerance of their threshold (exempt from the id"
                                + " comparison): too many would make the comparison meaningless")
                .isLessThanOrEqualTo(reference.size() / 100);

        System.out.printf(
                "Exactly-once alerts: %d transactions; reference run %d alerts in %d s; failing"
                        + " run %d alerts read_committed in %d s, %d restarts, %d injected"
                        + " failures, %d TaskManagers terminated, input left at each failure %s;"
                        + " same transactions alerted (%d borderline exempt), largest score"
                        + " difference %.1e; %d s in all%n",
                live.transactions().size(),
                reference.size(),
                referenceSeconds,
                failing.alerts().size(),
                failingSeconds,
                failing.restarts(),
                failing.injectedFailures(),
                failing.terminatedTaskManagers(),
                failing.lagAtFailures(),
                comparison.borderline(),
                comparison.maxScoreDifference(),
                secondsSince(startNanos));
    }

    /** What the failing run committed and what it went through. */
    private record FailingRun(
            List<Alert> alerts,
            long restarts,
            int injectedFailures,
            int terminatedTaskManagers,
            List<Long> lagAtFailures) {}

    /** The production job as it is, with no restart strategy: any failure fails the test. */
    private static List<Alert> runWithoutFailures() throws Exception {
        JobSettings settings = JobSettings.from(runConfiguration("reference"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration noRestarts = new Configuration();
        noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        env.configure(noRestarts);
        JobClient job = PolygraphJob.execute(env, settings, SnapshotScorerFactory.forJob(snapshot));
        try (TopicWatcher<Alert> alerts =
                        new TopicWatcher<>(broker.adminConfig(), settings.alertsTopic(), r -> {});
                ConsumerGroupProgress progress = progressOf(settings)) {
            List<Alert> committed =
                    CommittedAlerts.await(job, progress, alerts, METRICS, RUN_TIMEOUT);
            assertThat(JobCounters.of(METRICS, job.getJobID()).numRestarts()).isZero();
            return committed;
        } finally {
            job.cancel().get();
        }
    }

    /** The same job with a failure injector in front of its alert sink, broken repeatedly. */
    private static FailingRun runWithFailures(MiniCluster cluster) throws Exception {
        JobSettings settings = JobSettings.from(runConfiguration("failing"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration restarts = new Configuration();
        // Bounded, so that a job failing over and over fails the test instead of hiding.
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
        restarts.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
        env.configure(restarts);
        PolygraphJob.configureEnvironment(env, settings);
        PolygraphJob.build(
                env,
                new KafkaJobSources(settings),
                new FailureInjectingSinks(
                        new KafkaJobSinks(settings), ALERTS_BEFORE_INJECTED_FAILURE),
                SnapshotScorerFactory.forJob(snapshot),
                settings);
        FailureInjector.reset();
        JobClient job = env.executeAsync(PolygraphJob.JOB_NAME);
        try (TopicWatcher<Alert> alerts =
                        new TopicWatcher<>(broker.adminConfig(), settings.alertsTopic(), r -> {});
                ConsumerGroupProgress progress = progressOf(settings)) {
            Disruptions disruptions =
                    new Disruptions(cluster, job.getJobID(), METRICS, progress, STEP_TIMEOUT);
            for (int round = 0; round < FAILURE_ROUNDS; round++) {
                disruptions.injectException();
                disruptions.replaceTaskManager();
            }
            List<Alert> committed =
                    CommittedAlerts.await(job, progress, alerts, METRICS, RUN_TIMEOUT);
            return new FailingRun(
                    committed,
                    JobCounters.of(METRICS, job.getJobID()).numRestarts(),
                    FailureInjector.fired(),
                    disruptions.terminatedTaskManagers(),
                    disruptions.lagAtFailures());
        } finally {
            job.cancel().get();
        }
    }

    private static void assertNoTransactionTwice(List<Alert> alerts, String run) {
        assertThat(AlertComparison.alertedTwice(alerts))
                .as("transactions alerted twice in the %s", run)
                .isEmpty();
    }

    private static ConsumerGroupProgress progressOf(JobSettings settings) {
        return new ConsumerGroupProgress(
                broker.adminConfig(),
                settings.groupId(),
                List.of(
                        settings.transactionsTopic().name(),
                        settings.profilesTopic().name(),
                        settings.signaturesTopic().name()));
    }

    /**
     * One run's settings: shared input topics; its own consumer group, alert and dead-letter topics
     * and transactional ids; exactly-once delivery.
     *
     * <p>Timing independence: the join needs no event-time deadline here (every transaction
     * completes when its entity's one profile arrives, see {@link TimingIndependentWorld}), so the
     * watermark matters only for lateness, and a transaction is late only if its input partition
     * was declared idle while others moved the watermark on. On a shared machine a starved source
     * thread can look idle for the default 10 s; with idleness longer than a run no partition ever
     * does, and no record is late in one run and not in the other. (The signatures topic stays
     * empty, so the watermark then stays at its start and no event-time timer fires.)
     */
    private static Configuration runConfiguration(String run) {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        config.set(PolygraphOptions.GROUP_ID, "polygraph-eo-" + run + "-" + suffix);
        config.set(PolygraphOptions.TRANSACTIONS_TOPIC, "transactions-" + suffix);
        config.set(PolygraphOptions.PROFILES_TOPIC, "profiles-" + suffix);
        config.set(PolygraphOptions.SIGNATURES_TOPIC, "signatures-" + suffix);
        config.set(PolygraphOptions.ALERTS_TOPIC, "alerts-" + run + "-" + suffix);
        config.set(PolygraphOptions.DEAD_LETTERS_TOPIC, "dead-letters-" + run + "-" + suffix);
        config.set(PolygraphOptions.DELIVERY_GUARANTEE, DeliveryGuarantee.EXACTLY_ONCE);
        config.set(PolygraphOptions.TRANSACTIONAL_ID_PREFIX, "polygraph-eo-" + run + "-" + suffix);
        config.set(PolygraphOptions.CHECKPOINT_INTERVAL, CHECKPOINT_INTERVAL);
        config.set(PolygraphOptions.IDLENESS, Duration.ofHours(1));
        config.set(PolygraphOptions.PARALLELISM, 2);
        return config;
    }

    private static long secondsSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toSeconds();
    }
}
