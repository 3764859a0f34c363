package io.polygraph.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.deploy.kafka.LocalKafkaBroker;
import io.polygraph.deploy.kafka.TopicSetup;
import io.polygraph.deploy.world.WorldPublisher.WorldTopics;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.job.PolygraphJob;
import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.schema.Alert;
import io.polygraph.schema.DeadLetter;
import io.polygraph.world.World;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
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
 * The job's results do not depend on how its parallelism relates to the input topics' partition
 * count: one world on input topics of {@link #PARTITIONS} partitions, scored by the real job on a
 * MiniCluster once with parallelism {@link #BELOW} (each source subtask reads several partitions)
 * and once with {@link #ABOVE} (some source subtasks get no partition at all).
 *
 * <p>With more source subtasks than partitions, the subtasks without a partition emit no watermark;
 * unless they go idle ({@code polygraph.watermark.idleness}), the join's watermark, the minimum
 * over all its inputs, never advances and no event-time deadline ever fires. Asserted, for each
 * run: every transaction is alerted exactly once (the alert threshold is above every score), the
 * watermark probes of {@link PartitionClosingRecords} (transactions that only a watermark can
 * release) are among them and counted as timed out by the join, nothing is dead-lettered (so no
 * record fell behind the watermark), and the job never restarts. Across runs: the alerts, as
 * transaction id to score and model version, are identical.
 */
class PartitionsAndParallelismITCase {

    private static final int PARTITIONS = 4;
    private static final int BELOW = 2;
    private static final int ABOVE = 6;

    /** The default, set explicitly: the runs' wait for the subtasks without partitions. */
    private static final Duration IDLENESS = Duration.ofSeconds(10);

    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    /** As AlertComparison: float32 scores of batches cut differently differ in the last digits. */
    private static final double SCORE_TOLERANCE = 1e-5;

    private static final WorldConfig WORLD =
            WorldConfig.defaults().withSeed(13).withCustomers(20).withSpan(Duration.ofDays(8));

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                            .setNumberTaskManagers(1)
                            // One slot per subtask of the widest run (all operators share a slot).
                            .setNumberSlotsPerTaskManager(ABOVE)
                            .build());

    @TempDir static Path tempDir;

    private static LocalKafkaBroker broker;
    private static Path snapshot;
    private static Set<String> expected;
    private static Set<String> worldTransactions;
    private static Run below;
    private static Run above;

    @BeforeAll
    static void startBrokerAndTrainDetector() throws Exception {
        broker = LocalKafkaBroker.start(LocalKafkaBroker.Settings.ephemeral());
        snapshot =
                TinyDetector.trainAndSave(
                        WORLD.withSeed(7).withCustomers(12), tempDir.resolve("autoencoder.zip"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    /** What one run of the job produced. */
    private record Run(
            int parallelism,
            Map<String, Scored> alerts,
            int alertCount,
            int deadLetters,
            long timedOut,
            long restarts,
            long seconds) {}

    /** What an alert says about the scoring of its transaction. */
    private record Scored(double score, String modelVersion) {}

    /**
     * Publishes one world to the input topics and runs the job on it at both parallelisms, one run
     * after the other, on the first call: the two runs the tests compare. Called from the tests,
     * not from a {@code @BeforeAll} method: the MiniCluster's execution environment is only set up
     * for test methods.
     */
    private static synchronized void runAtBothParallelisms() throws Exception {
        if (below != null) {
            return;
        }
        long start = System.nanoTime();
        String inputs = UUID.randomUUID().toString().substring(0, 8);
        // Input whose joined records do not depend on how far each source runs ahead (see
        // TimingIndependentWorld): only then can two runs be compared score by score.
        World world = TimingIndependentWorld.generate(WORLD);
        worldTransactions = new HashSet<>();
        world.transactions().forEach(t -> worldTransactions.add(t.getTransactionId()));
        WorldTopics topics =
                JobTopics.create(
                        broker,
                        JobSettings.from(jobConfiguration(inputs, "setup", 1)),
                        inputs,
                        PARTITIONS);
        TopicsReady.await(
                broker.adminConfig(),
                List.of(
                        topics.transactions().name(),
                        topics.profiles().name(),
                        topics.signatures().name()));
        expected = new HashSet<>(PartitionClosingRecords.transactionIds(PARTITIONS));
        world.transactions().forEach(t -> expected.add(t.getTransactionId().toString()));
        // The same input for both runs, all of it in Kafka before either starts.
        try (InterleavedPublisher publisher =
                new InterleavedPublisher(broker.adminConfig(), topics)) {
            List<ProducerRecord<byte[], byte[]>> records =
                    new ArrayList<>(WorldRecords.of(world.eventsInTimeOrder(), topics));
            // The probes and closing entities copy a profile and an enrolment signature of the
            // full world (the timing-independent one has no signatures).
            records.addAll(
                    PartitionClosingRecords.of(WorldGenerator.generate(WORLD), topics, PARTITIONS));
            publisher.publishAndWait(records);
        }

        below = run(inputs, BELOW, expected.size());
        above = run(inputs, ABOVE, expected.size());

        List<Double> differences =
                below.alerts().entrySet().stream()
                        .filter(e -> above.alerts().containsKey(e.getKey()))
                        .map(
                                e ->
                                        Math.abs(
                                                e.getValue().score()
                                                        - above.alerts().get(e.getKey()).score()))
                        .filter(d -> d > 0)
                        .toList();
        System.out.printf(
                "Partitions and parallelism: %d partitions, %d transactions; %s; %s; scores"
                        + " differ between the runs for %d transactions (%d by more than 1e-6,"
                        + " at most by %.3f); %d s in all%n",
                PARTITIONS,
                expected.size(),
                summary(below),
                summary(above),
                differences.size(),
                differences.stream().filter(d -> d > 1e-6).count(),
                differences.stream().mapToDouble(d -> d).max().orElse(0),
                Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }

    @Test
    void everyTransactionIsScoredOnceAtBothParallelismsAndTheWatermarkAdvances() throws Exception {
        runAtBothParallelisms();
        for (Run run : List.of(below, above)) {
            String as = "parallelism " + run.parallelism();
            assertThat(run.alertCount()).as("%s: no alert twice", as).isEqualTo(expected.size());
            assertThat(run.alerts().keySet())
                    .as("%s: every transaction alerted", as)
                    .isEqualTo(expected);
            assertThat(run.timedOut())
                    .as("%s: the probes were released by the watermark", as)
                    .isGreaterThanOrEqualTo(PARTITIONS);
            assertThat(run.deadLetters()).as("%s: nothing dead-lettered or late", as).isZero();
            assertThat(run.restarts()).as("%s: restarts", as).isZero();
        }
        Map<String, String> versionsBelow = versions(below);
        assertThat(versions(above)).as("the same model scored each").isEqualTo(versionsBelow);
    }

    /**
     * The same scores of the world's transactions at both parallelisms, within float32 rounding
     * (batches of other sizes round differently). This holds for input whose join result does not
     * depend on timing; on arbitrary input it does not: the join emits a complete transaction at
     * once, with whatever profile, enrolment signature and history of its entity have arrived, and
     * when a backlog is read the three sources run ahead of one another by different amounts
     * (measured on a generated world with profile updates and signatures: 204 to 267 of 303 scores
     * differed, up to 0.56).
     */
    @Test
    void scoresAreTheSameAtBothParallelisms() throws Exception {
        runAtBothParallelisms();
        assertThat(above.alerts().keySet()).isEqualTo(below.alerts().keySet());
        // The world's transactions only: a probe's or closing entity's own enrolment signature
        // may arrive before or after its transaction.
        assertThat(worldTransactions).isNotEmpty();
        for (String id : worldTransactions) {
            assertThat(above.alerts().get(id).score())
                    .as("score of %s", id)
                    .isCloseTo(below.alerts().get(id).score(), within(SCORE_TOLERANCE));
        }
    }

    private static Map<String, String> versions(Run run) {
        Map<String, String> versions = new HashMap<>();
        run.alerts().forEach((id, scored) -> versions.put(id, scored.modelVersion()));
        return versions;
    }

    private static String summary(Run run) {
        return String.format(
                "parallelism %d: %d alerts, %d timed out in the join, %d dead letters, %d restarts,"
                        + " %d s",
                run.parallelism(),
                run.alertCount(),
                run.timedOut(),
                run.deadLetters(),
                run.restarts(),
                run.seconds());
    }

    /** Runs the job on the published inputs until every transaction alerted, then cancels it. */
    private static Run run(String inputs, int parallelism, int transactions) throws Exception {
        long start = System.nanoTime();
        String runName = "p" + parallelism;
        JobSettings settings = JobSettings.from(jobConfiguration(inputs, runName, parallelism));
        new TopicSetup(broker.adminConfig())
                .ensureTopics(
                        List.of(settings.alertsTopic().name(), settings.deadLettersTopic().name()),
                        PARTITIONS);
        TopicsReady.await(
                broker.adminConfig(),
                List.of(settings.alertsTopic().name(), settings.deadLettersTopic().name()));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration noRestarts = new Configuration();
        // Any failure fails the run instead of being hidden by a restart.
        noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        env.configure(noRestarts);
        JobClient job = PolygraphJob.execute(env, settings, SnapshotScorerFactory.forJob(snapshot));
        try {
            awaitOrFail(
                    () ->
                            CommittedRecords.read(broker.adminConfig(), settings.alertsTopic())
                                            .size()
                                    >= transactions,
                    job,
                    () ->
                            "an alert per transaction at parallelism "
                                    + parallelism
                                    + ": "
                                    + CommittedRecords.read(
                                                    broker.adminConfig(), settings.alertsTopic())
                                            .size()
                                    + " of "
                                    + transactions);
            Thread.sleep(1000); // whatever arrived now would be a duplicate
            JobCounters counters = JobCounters.of(METRICS, job.getJobID());
            List<Alert> committed =
                    CommittedRecords.read(broker.adminConfig(), settings.alertsTopic());
            List<DeadLetter> deadLetters =
                    CommittedRecords.read(broker.adminConfig(), settings.deadLettersTopic());
            Map<String, Scored> byTransaction = new HashMap<>();
            committed.forEach(
                    a ->
                            byTransaction.put(
                                    a.getTransactionId().toString(),
                                    new Scored(a.getScore(), a.getModelVersion().toString())));
            return new Run(
                    parallelism,
                    byTransaction,
                    committed.size(),
                    deadLetters.size(),
                    counters.sum("polygraph.joinedPresentedSignatureMissing")
                            + counters.sum("polygraph.joinedProfileMissing"),
                    counters.numRestarts(),
                    Duration.ofNanos(System.nanoTime() - start).toSeconds());
        } finally {
            job.cancel().get();
        }
    }

    /** Waits for {@code condition}; {@code what} says what was awaited and how far it got. */
    private static void awaitOrFail(BooleanSupplier condition, JobClient job, Supplier<String> what)
            throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(job.getJobStatus().get().isGloballyTerminalState())
                    .as("the job ended while waiting for %s", what.get())
                    .isFalse();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + TIMEOUT + " for " + what.get());
            }
            Thread.sleep(1000);
        }
    }

    /** Inputs shared by every run, outputs and consumer group per run. */
    private static Configuration jobConfiguration(String inputs, String runName, int parallelism) {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        config.set(PolygraphOptions.GROUP_ID, "polygraph-partitions-" + inputs + "-" + runName);
        config.set(PolygraphOptions.TRANSACTIONS_TOPIC, "transactions-" + inputs);
        config.set(PolygraphOptions.PROFILES_TOPIC, "profiles-" + inputs);
        config.set(PolygraphOptions.SIGNATURES_TOPIC, "signatures-" + inputs);
        config.set(PolygraphOptions.ALERTS_TOPIC, "alerts-" + inputs + "-" + runName);
        config.set(PolygraphOptions.DEAD_LETTERS_TOPIC, "dead-letters-" + inputs + "-" + runName);
        config.set(PolygraphOptions.IDLENESS, IDLENESS);
        // Above every score: every scored record alerts, so the alerts list what was scored.
        config.set(PolygraphOptions.ALERT_THRESHOLD, 1.0);
        config.set(PolygraphOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(2));
        config.set(PolygraphOptions.PARALLELISM, parallelism);
        return config;
    }
}
