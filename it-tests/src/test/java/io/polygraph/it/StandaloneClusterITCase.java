package io.polygraph.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.deploy.cluster.ClusterLayout;
import io.polygraph.deploy.cluster.ClusterProcess;
import io.polygraph.deploy.cluster.FlinkDistribution;
import io.polygraph.deploy.cluster.FlinkRestClient;
import io.polygraph.deploy.cluster.FlinkRestClient.CheckpointCounts;
import io.polygraph.deploy.cluster.JobSubmission;
import io.polygraph.deploy.cluster.LocalFlinkCluster;
import io.polygraph.deploy.demo.ConsumerGroupProgress;
import io.polygraph.deploy.demo.TopicWatcher;
import io.polygraph.deploy.kafka.LocalKafkaBroker;
import io.polygraph.deploy.world.WorldPublisher;
import io.polygraph.deploy.world.WorldPublisher.WorldTopics;
import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.schema.Alert;
import io.polygraph.world.World;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a Flink standalone cluster of separate JVMs (one JobManager, two single-slot
 * TaskManagers, started from Flink's artifacts on Maven Central as the build copies them),
 * submitted as the shaded job jar through Flink's REST API, against the real KRaft broker, with
 * exactly-once Kafka transactions.
 *
 * <p>Over 150,000 transactions are published once ({@link TimingIndependentWorld}: the job's output
 * does not depend on timing, so two runs can be compared). A failure-free reference run reads them;
 * a second run of the same job on the same input has a TaskManager killed with SIGKILL {@value
 * #KILLS} times, each after a checkpoint completed since the job last (re)started and with input
 * still unread, as the transactions source's own position shows (its {@code currentOffset} gauges
 * read through the REST API); a new TaskManager is started right after each kill, and the job must
 * restore from its latest completed checkpoint. A {@code read_committed} consumer then must see the
 * same alerts in both runs ({@link AlertComparison}: same transactions, same model version, scores
 * equal to float precision), none twice.
 *
 * <p>The second run also covers the native-library pitfall: its job runs in new user-code class
 * loaders on TaskManagers that ran the first job, which works because ND4J comes from the cluster's
 * class loader ({@link FlinkDistribution}).
 */
class StandaloneClusterITCase {

    private static final int KILLS = 3;
    private static final int PARALLELISM = 2;
    private static final int PARTITIONS = ClosingRecords.PARTITIONS;
    private static final int MIN_TRANSACTIONS = 150_000;

    /**
     * Input records a kill must leave unread at least, by the source's position: far more than the
     * job reads in the second by which the REST API's metrics may lag behind.
     */
    private static final long MIN_UNREAD_AT_KILL = 5_000;

    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

    /** Longest wait for one run to commit everything; only a failing test waits this long. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    /** Longest wait for the job to run and checkpoint after a (re)start. */
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);

    @TempDir static Path tempDir;

    private static long startNanos;
    private static LocalKafkaBroker broker;
    private static LocalFlinkCluster cluster;
    private static Path snapshot;
    private static String suffix;
    private static int transactions;
    private static Map<TopicPartition, Long> transactionsEnd;
    private static String jarId;

    @BeforeAll
    static void startBrokerAndClusterAndPublishInput() throws Exception {
        startNanos = System.nanoTime();
        broker = LocalKafkaBroker.start(LocalKafkaBroker.Settings.ephemeral());
        snapshot =
                TinyDetector.trainAndSave(
                        TimingIndependentWorld.generate(TimingIndependentWorld.TRAINING),
                        tempDir.resolve("autoencoder.zip"));

        suffix = UUID.randomUUID().toString().substring(0, 8);
        World live =
                TimingIndependentWorld.generate(TimingIndependentWorld.OVER_150_000_TRANSACTIONS);
        transactions = live.transactions().size();
        // Every topic keeps its records: the input's event times lie months back.
        WorldTopics topics =
                JobTopics.create(
                        broker, JobSettings.from(settings("reference")), suffix, PARTITIONS);
        JobTopics.create(broker, JobSettings.from(settings("failing")), suffix, PARTITIONS);
        try (WorldPublisher publisher = new WorldPublisher(broker.adminConfig(), topics)) {
            publisher.publish(live, 0, n -> {});
        }
        transactionsEnd = endOffsets(topics.transactions().name());
        long published = System.nanoTime();

        FlinkDistribution distribution =
                FlinkDistribution.inBuild(Path.of(System.getProperty("polygraph.deploy.target")));
        ClusterLayout layout =
                new ClusterLayout(
                        Path.of(System.getProperty("polygraph.cluster.dir")),
                        freePort(),
                        freePort(),
                        1);
        cluster = LocalFlinkCluster.start(distribution, layout, PARALLELISM);
        jarId = cluster.rest().uploadJar(distribution.jobJar());
        System.out.printf(
                "Cluster test setup: detector trained and %d transactions published in %.1f s;"
                        + " cluster up and %.1f MB job jar uploaded in %.1f s; logs in %s%n",
                transactions,
                seconds(published - startNanos),
                distribution.jobJarSize() / 1e6,
                seconds(System.nanoTime() - published),
                layout.logDir());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void killedTaskManagersLoseAndDuplicateNoAlert() throws Exception {
        assertThat(transactions).isGreaterThanOrEqualTo(MIN_TRANSACTIONS);
        FlinkRestClient rest = cluster.rest();

        long referenceStart = System.nanoTime();
        Run reference = new Run("reference", rest);
        List<Alert> expected;
        CheckpointCounts referenceCheckpoints;
        try (reference) {
            expected = reference.awaitCommittedAlerts();
            referenceCheckpoints = rest.checkpoints(reference.jobId);
        }
        double referenceSeconds = seconds(System.nanoTime() - referenceStart);

        long failingStart = System.nanoTime();
        Run failing = new Run("failing", rest);
        List<Kill> kills = new ArrayList<>();
        List<Alert> actual;
        CheckpointCounts failingCheckpoints;
        try (failing) {
            long checkpointedAt = failing.awaitCheckpointAfterStart(-1);
            for (int kill = 1; kill <= KILLS; kill++) {
                long unread = failing.unreadTransactions();
                CheckpointCounts beforeKill = rest.checkpoints(failing.jobId);
                long lastCompleted = beforeKill.latestCompletedId();
                ClusterProcess victim = cluster.taskManagers().get(0);
                long killedAt = System.nanoTime();
                cluster.kill(victim);
                ClusterProcess replacement = cluster.startTaskManager();
                Awaiting.until(
                        "a restore after kill " + kill,
                        STEP_TIMEOUT,
                        () -> rest.checkpoints(failing.jobId).restored() > beforeKill.restored());
                long ranAt = failing.awaitCheckpointAfterStart(lastCompleted);
                CheckpointCounts afterRecovery = rest.checkpoints(failing.jobId);
                kills.add(
                        new Kill(
                                victim.name(),
                                replacement.name(),
                                unread,
                                lastCompleted,
                                afterRecovery.latestRestoredId(),
                                seconds(killedAt - checkpointedAt),
                                seconds(ranAt - killedAt)));
                System.out.printf("Kill %d: %s%n", kill, kills.get(kills.size() - 1));
                checkpointedAt = ranAt;
            }
            actual = failing.awaitCommittedAlerts();
            failingCheckpoints = rest.checkpoints(failing.jobId);
        }
        double failingSeconds = seconds(System.nanoTime() - failingStart);

        AlertComparison comparison = AlertComparison.of(expected, actual);
        System.out.printf(
                "Standalone cluster: %d transactions; reference run %d alerts read_committed in"
                        + " %.0f s (checkpoints %s); run with %d TaskManager SIGKILLs %d alerts"
                        + " read_committed in %.0f s (checkpoints %s); input unread at the kills"
                        + " %s; %d missing, %d extra, %d scored by another model, %d alerted twice,"
                        + " %d borderline exempt, largest score difference %.1e; %.0f s in all%n",
                transactions,
                expected.size(),
                referenceSeconds,
                referenceCheckpoints,
                KILLS,
                actual.size(),
                failingSeconds,
                failingCheckpoints,
                kills.stream().map(Kill::unread).toList(),
                comparison.missing().size(),
                comparison.extra().size(),
                comparison.otherModel().size(),
                AlertComparison.alertedTwice(actual).size(),
                comparison.borderline(),
                comparison.maxScoreDifference(),
                seconds(System.nanoTime() - startNanos));

        assertThat(referenceCheckpoints.restored()).as("restores of the reference run").isZero();
        assertThat(AlertComparison.alertedTwice(expected))
                .as("transactions alerted twice in the reference run")
                .isEmpty();
        assertThat(AlertComparison.alertedTwice(actual))
                .as("transactions alerted twice in the run with kills")
                .isEmpty();
        assertThat(expected.size())
                .as("alerts of the reference run: enough for the comparison to mean something")
                .isBetween(100, transactions / 10);
        assertThat(kills)
                .as("each kill with input unread, followed by a restore of the latest checkpoint")
                .hasSize(KILLS)
                .allSatisfy(
                        kill -> {
                            assertThat(kill.unread()).isGreaterThanOrEqualTo(MIN_UNREAD_AT_KILL);
                            assertThat(kill.restoredCheckpoint())
                                    .isGreaterThanOrEqualTo(kill.latestCheckpointBefore())
                                    .isPositive();
                        });
        assertThat(failingCheckpoints.restored())
                .as("restores from a checkpoint")
                .isGreaterThanOrEqualTo(KILLS);
        assertThat(comparison.missing()).as("alerts of the reference run missing").isEmpty();
        assertThat(comparison.extra()).as("alerts the reference run did not commit").isEmpty();
        assertThat(comparison.otherModel()).as("alerts scored by another model").isEmpty();
        assertThat(comparison.maxScoreDifference())
                .as("largest score difference of an alert in both runs")
                .isLessThanOrEqualTo(AlertComparison.SCORE_TOLERANCE);
        assertThat(comparison.borderline())
                .as("alerts exempt from the comparison as borderline")
                .isLessThanOrEqualTo(expected.size() / 100);
    }

    /**
     * One kill: the TaskManager killed and the one started after it, the transactions left unread
     * by the source at the kill, the latest completed checkpoint before the kill and the one the
     * job restored, the seconds from that checkpoint (the first since the job's last (re)start) to
     * the kill, and the seconds from the kill until the job ran on the new TaskManager and
     * completed a checkpoint.
     */
    private record Kill(
            String killed,
            String started,
            long unread,
            long latestCheckpointBefore,
            long restoredCheckpoint,
            double sinceCheckpointSeconds,
            double recoverySeconds) {
        @Override
        public String toString() {
            return String.format(
                    "SIGKILL %s %.1f s after checkpoint %d completed, %d transactions unread by"
                            + " the source; started %s; restored checkpoint %d, running and"
                            + " checkpointed again %.1f s after the kill",
                    killed,
                    sinceCheckpointSeconds,
                    latestCheckpointBefore,
                    unread,
                    started,
                    restoredCheckpoint,
                    recoverySeconds);
        }
    }

    /**
     * One submission of the job on the shared input, with its own consumer group, alert topic and
     * transactional ids, followed by a {@code read_committed} consumer and its group's progress.
     */
    private static final class Run implements AutoCloseable, CommittedAlerts.WatchedJob {
        private final FlinkRestClient rest;
        private final JobSettings settings;
        private final String jobId;
        private final TopicWatcher<Alert> alerts;
        private final ConsumerGroupProgress progress;
        private final String transactionsSource;

        Run(String name, FlinkRestClient rest) throws Exception {
            this.rest = rest;
            Configuration config = settings(name);
            this.settings = JobSettings.from(config);
            this.jobId = JobSubmission.run(rest, jarId, config, PARALLELISM).jobId();
            this.alerts = new TopicWatcher<>(broker.adminConfig(), settings.alertsTopic(), r -> {});
            this.progress =
                    new ConsumerGroupProgress(
                            broker.adminConfig(),
                            settings.groupId(),
                            List.of(
                                    settings.transactionsTopic().name(),
                                    settings.profilesTopic().name(),
                                    settings.signaturesTopic().name()));
            this.transactionsSource = rest.vertexId(jobId, "Source: transactions");
        }

        List<Alert> awaitCommittedAlerts() throws Exception {
            return CommittedAlerts.await(this, progress, alerts, RUN_TIMEOUT);
        }

        /**
         * Waits until every task runs and a checkpoint after {@code after} completed since then;
         * returns when ({@link System#nanoTime()}).
         */
        long awaitCheckpointAfterStart(long after) throws Exception {
            Awaiting.until(
                    "every task of " + jobId + " running",
                    STEP_TIMEOUT,
                    () -> {
                        requireRunning();
                        return rest.allTasksRunning(jobId);
                    });
            long completed = Math.max(after, rest.checkpoints(jobId).latestCompletedId());
            Awaiting.until(
                    "a checkpoint of " + jobId + " after " + completed,
                    STEP_TIMEOUT,
                    () -> {
                        requireRunning();
                        return rest.checkpoints(jobId).latestCompletedId() > completed;
                    });
            return System.nanoTime();
        }

        /**
         * Transactions the job's transactions source has not read yet: the topic's end offsets less
         * the source's position in each partition ({@link FlinkRestClient#kafkaSourceOffsets}),
         * once every partition reports one.
         */
        long unreadTransactions() throws Exception {
            Pattern partition = Pattern.compile("\\.partition\\.(\\d+)\\.currentOffset$");
            Map<Integer, Long> position = new HashMap<>();
            Awaiting.until(
                    "the transactions source reporting its position in every partition",
                    STEP_TIMEOUT,
                    () -> {
                        position.clear();
                        rest.kafkaSourceOffsets(jobId, transactionsSource)
                                .forEach(
                                        (id, offset) -> {
                                            Matcher m = partition.matcher(id);
                                            if (m.find() && offset >= 0) {
                                                position.merge(
                                                        Integer.parseInt(m.group(1)),
                                                        offset,
                                                        Math::max);
                                            }
                                        });
                        return position.size() == PARTITIONS;
                    });
            return transactionsEnd.entrySet().stream()
                    .mapToLong(e -> e.getValue() - (position.get(e.getKey().partition()) + 1))
                    .sum();
        }

        @Override
        public String id() {
            return jobId;
        }

        @Override
        public void requireRunning() throws Exception {
            String state = rest.jobState(jobId);
            if (Set.of("FAILED", "CANCELED", "FINISHED", "SUSPENDED").contains(state)) {
                throw new AssertionError(
                        "job " + jobId + " " + state + ": " + rest.rootException(jobId));
            }
        }

        @Override
        public long completedCheckpoints() throws Exception {
            return rest.checkpoints(jobId).completed();
        }

        @Override
        public String progress() throws Exception {
            return rest.jobState(jobId) + ", " + rest.checkpoints(jobId);
        }

        @Override
        public void close() throws IOException, InterruptedException {
            try {
                rest.cancel(jobId);
            } finally {
                alerts.close();
                progress.close();
            }
        }
    }

    /**
     * One run's settings: shared input topics; its own consumer group, alert and dead-letter topics
     * and transactional ids; exactly-once delivery; idleness longer than a run, as in {@code
     * ExactlyOnceAlertsITCase}, so that no partition is declared idle and no record is late in one
     * run and not in the other.
     */
    private static Configuration settings(String run) {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        config.set(PolygraphOptions.GROUP_ID, "polygraph-cluster-" + run + "-" + suffix);
        config.set(PolygraphOptions.TRANSACTIONS_TOPIC, "transactions-" + suffix);
        config.set(PolygraphOptions.PROFILES_TOPIC, "profiles-" + suffix);
        config.set(PolygraphOptions.SIGNATURES_TOPIC, "signatures-" + suffix);
        config.set(PolygraphOptions.ALERTS_TOPIC, "alerts-" + run + "-" + suffix);
        config.set(PolygraphOptions.DEAD_LETTERS_TOPIC, "dead-letters-" + run + "-" + suffix);
        config.set(PolygraphOptions.MODEL_SNAPSHOT_PATH, snapshot.toString());
        config.setString(PolygraphOptions.DELIVERY_GUARANTEE.key(), "exactly-once");
        config.set(
                PolygraphOptions.TRANSACTIONAL_ID_PREFIX,
                "polygraph-cluster-" + run + "-" + suffix);
        config.set(PolygraphOptions.CHECKPOINT_INTERVAL, CHECKPOINT_INTERVAL);
        config.set(PolygraphOptions.IDLENESS, Duration.ofHours(1));
        config.set(PolygraphOptions.PARALLELISM, PARALLELISM);
        return config;
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        try (Admin admin = Admin.create(broker.adminConfig())) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
