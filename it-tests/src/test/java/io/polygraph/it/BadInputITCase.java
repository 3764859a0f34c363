package io.polygraph.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.deploy.demo.TopicWatcher;
import io.polygraph.deploy.kafka.LocalKafkaBroker;
import io.polygraph.deploy.world.BadRecords;
import io.polygraph.deploy.world.BadRecords.BadRecord;
import io.polygraph.deploy.world.BadRecords.Damage;
import io.polygraph.deploy.world.WorldPublisher.WorldTopics;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.it.InterleavedPublisher.Coordinates;
import io.polygraph.job.PolygraphJob;
import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.schema.DeadLetter;
import io.polygraph.world.World;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
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
 * Bad input never stops the job and nothing valid is lost: a small world streamed through a real
 * KRaft broker into the real job on a MiniCluster, with 1,300 damaged records of every {@link
 * Damage} spread among the valid ones.
 *
 * <p>Asserted: every damaged record is in the dead-letter topic under the coordinates Kafka gave
 * it, with a reason naming what is wrong; every valid transaction is scored; the job's own counters
 * (read through Flink's in-memory metric reporter) agree with those counts; and the job never
 * restarts. Alerts carry only anomalies, so "scored" is the scoring operator's {@code
 * recordsScored} counter, cross-checked against the decode operators' {@code recordsValid}.
 *
 * <p>The detector is a tiny autoencoder trained for one epoch: this test is about the data path,
 * not detection quality, and the combined detector would take minutes to train.
 */
class BadInputITCase {

    private static final int BAD_PER_KIND = 100;

    /** Small limits, so that oversized records stay under the broker's default 1 MB. */
    private static final int MAX_SIGNATURE_BYTES = 32 * 1024;

    private static final int MAX_RECORD_BYTES = 64 * 1024;
    private static final int DEAD_LETTER_VALUE_BYTES = 48 * 1024;

    /**
     * How long the counts may take to arrive: about 10 s on an idle 2-core machine; a minute was
     * not enough with the machine's cores shared by other builds. Only a failing run waits this.
     */
    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    private static final WorldConfig WORLD =
            WorldConfig.defaults().withSeed(5).withCustomers(30).withSpan(Duration.ofDays(10));

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    /** The reporter a deployment would scrape, beside the in-memory one the test reads first. */
    private static final PrometheusScrape PROMETHEUS = new PrometheusScrape();

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(
                                    PROMETHEUS.addTo(
                                            METRICS.addToConfiguration(new Configuration())))
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir static Path tempDir;

    private static LocalKafkaBroker broker;
    private static Path snapshot;

    @BeforeAll
    static void startBrokerAndTrainDetector() throws Exception {
        broker = LocalKafkaBroker.start(LocalKafkaBroker.Settings.ephemeral());
        WorldConfig training = WORLD.withSeed(7).withCustomers(15).withSpan(Duration.ofDays(7));
        snapshot = TinyDetector.trainAndSave(training, tempDir.resolve("autoencoder.zip"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void badInputIsDeadLetteredAndEveryValidTransactionScoredWithoutARestart() throws Exception {
        long start = System.nanoTime();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        JobSettings settings = JobSettings.from(jobConfiguration(suffix));
        WorldTopics topics = JobTopics.create(broker, settings, suffix, ClosingRecords.PARTITIONS);
        World world = WorldGenerator.generate(WORLD);
        BadRecords badRecords =
                new BadRecords(
                        topics,
                        WORLD.seed(),
                        new BadRecords.SizeLimits(MAX_SIGNATURE_BYTES, MAX_RECORD_BYTES));
        List<BadRecord> bad =
                badRecords.make(
                        BAD_PER_KIND * badRecords.kinds().size(),
                        world.transactions().get(0),
                        world.enrolmentSignatures().get(0));
        assertThat(badRecords.kinds()).containsExactlyInAnyOrder(Damage.values());

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration noRestarts = new Configuration();
        // Any failure fails the job (and this test) instead of being hidden by a restart.
        noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        env.configure(noRestarts);
        JobClient job = PolygraphJob.execute(env, settings, SnapshotScorerFactory.forJob(snapshot));
        try (TopicWatcher<DeadLetter> deadLetters =
                        new TopicWatcher<>(
                                broker.adminConfig(), settings.deadLettersTopic(), r -> {});
                InterleavedPublisher publisher =
                        new InterleavedPublisher(broker.adminConfig(), topics)) {
            Map<Coordinates, BadRecord> sent = publisher.publish(world, bad);
            List<ProducerRecord<byte[], byte[]>> closing = ClosingRecords.of(world, topics);
            publisher.publishAndWait(closing);
            long validRecords = world.eventsInTimeOrder().size() + closing.size();
            long validTransactions = world.transactions().size() + ClosingRecords.TRANSACTIONS;

            JobCounters counters = awaitCounts(job, deadLetters, bad.size(), validTransactions);
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            System.out.printf(
                    "Bad input: %d valid records (%d transactions), %d bad records; scored %d,"
                            + " dead letters %d, by rule %s, restarts %d; %d s in the test method%n",
                    validRecords,
                    validTransactions,
                    bad.size(),
                    counters.sum("polygraph.recordsScored"),
                    deadLetters.count(),
                    counters.deadLetteredByRule(),
                    counters.numRestarts(),
                    seconds);

            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            assertThat(counters.numRestarts()).as("restarts").isZero();
            assertThat(counters.sum("polygraph.recordsScored")).isEqualTo(validTransactions);
            assertThat(counters.sum("polygraph.recordsValid")).isEqualTo(validRecords);
            assertThat(counters.sum("polygraph.recordsDeadLettered")).isEqualTo(bad.size());
            assertThat(counters.deadLetteredByRule()).isEqualTo(expectedRuleCounts(bad));
            // The same counts reach Prometheus, as a deployment would collect them.
            assertThat(PROMETHEUS.sum("polygraph.recordsScored")).isEqualTo(validTransactions);
            assertThat(PROMETHEUS.sum("polygraph.recordsDeadLettered")).isEqualTo(bad.size());
            // Every scoring subtask says which model version it runs.
            String version = DetectorSnapshot.read(snapshot).modelInfo().version();
            List<String> loaded = PROMETHEUS.samples("modelLoaded");
            assertThat(loaded).isNotEmpty();
            for (String sample : loaded) {
                // Flink's Prometheus reporter writes characters outside [a-zA-Z0-9:_] as '_'.
                assertThat(sample)
                        .contains(
                                "modelVersion=\""
                                        + version.replaceAll("[^a-zA-Z0-9:_]", "_")
                                        + "\"");
                assertThat(PrometheusScrape.value(sample)).isEqualTo(1.0);
            }
            assertDeadLetters(deadLetters, sent);
        } finally {
            job.cancel().get();
        }
    }

    private static JobCounters awaitCounts(
            JobClient job, TopicWatcher<DeadLetter> deadLetters, int bad, long transactions)
            throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JobCounters counters = JobCounters.of(METRICS, job.getJobID());
        while (System.nanoTime() < deadline
                && !job.getJobStatus().get().isGloballyTerminalState()
                && (deadLetters.count() < bad
                        || counters.sum("polygraph.recordsScored") < transactions)) {
            Thread.sleep(200);
            counters = JobCounters.of(METRICS, job.getJobID());
        }
        // Whatever arrives late would be a duplicate: give it a moment to show up.
        Thread.sleep(1000);
        return JobCounters.of(METRICS, job.getJobID());
    }

    private static void assertDeadLetters(
            TopicWatcher<DeadLetter> watcher, Map<Coordinates, BadRecord> sent) {
        Map<Coordinates, DeadLetter> received =
                watcher.received().stream()
                        .map(TopicWatcher.Received::value)
                        .collect(
                                Collectors.toMap(
                                        d ->
                                                new Coordinates(
                                                        d.getSourceTopic(),
                                                        d.getPartition(),
                                                        d.getOffset()),
                                        Function.identity()));
        assertThat(watcher.count()).as("no dead letter twice").isEqualTo(received.size());
        assertThat(received.keySet()).isEqualTo(sent.keySet());
        sent.forEach(
                (coordinates, badRecord) -> {
                    DeadLetter letter = received.get(coordinates);
                    Damage damage = badRecord.damage();
                    ExpectedRejection expected = ExpectedRejection.of(damage);
                    if (expected.undecodable()) {
                        assertThat(letter.getErrorClass()).as("%s", damage).endsWith("Exception");
                    } else {
                        assertThat(letter.getErrorClass())
                                .as("%s", damage)
                                .isEqualTo(expected.rule());
                    }
                    assertThat(letter.getReason())
                            .as("reason of %s", damage)
                            .contains(expected.reasonFragment());
                    byte[] value = badRecord.record().value();
                    byte[] kept =
                            damage == Damage.OVERSIZED_RECORD
                                    ? Arrays.copyOf(value, DEAD_LETTER_VALUE_BYTES)
                                    : value;
                    assertThat(letter.getOriginalValue()).isEqualTo(ByteBuffer.wrap(kept));
                    assertThat(letter.getOriginalKey())
                            .isEqualTo(ByteBuffer.wrap(badRecord.record().key()));
                });
    }

    private static Map<String, Long> expectedRuleCounts(List<BadRecord> bad) {
        Map<String, Long> counts = new HashMap<>();
        bad.forEach(b -> counts.merge(ExpectedRejection.of(b.damage()).rule(), 1L, Long::sum));
        return counts;
    }

    private static Configuration jobConfiguration(String suffix) {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        config.set(PolygraphOptions.GROUP_ID, "polygraph-bad-input-" + suffix);
        config.set(PolygraphOptions.TRANSACTIONS_TOPIC, "transactions-" + suffix);
        config.set(PolygraphOptions.PROFILES_TOPIC, "profiles-" + suffix);
        config.set(PolygraphOptions.SIGNATURES_TOPIC, "signatures-" + suffix);
        config.set(PolygraphOptions.ALERTS_TOPIC, "alerts-" + suffix);
        config.set(PolygraphOptions.DEAD_LETTERS_TOPIC, "dead-letters-" + suffix);
        config.set(PolygraphOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(2));
        config.set(PolygraphOptions.PARALLELISM, 2);
        config.set(
                PolygraphOptions.MAX_SIGNATURE_SIZE, MemorySize.parse(MAX_SIGNATURE_BYTES + "b"));
        config.set(PolygraphOptions.MAX_RECORD_SIZE, MemorySize.parse(MAX_RECORD_BYTES + "b"));
        config.set(
                PolygraphOptions.DEAD_LETTER_MAX_VALUE_SIZE,
                MemorySize.parse(DEAD_LETTER_VALUE_BYTES + "b"));
        return config;
    }
}
