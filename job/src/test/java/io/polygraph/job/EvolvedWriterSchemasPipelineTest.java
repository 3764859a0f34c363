package io.polygraph.job;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.encode;
import static io.polygraph.job.SampleRecords.enrolment;
import static io.polygraph.job.SampleRecords.profile;
import static io.polygraph.job.SampleRecords.raw;
import static io.polygraph.job.SampleRecords.transaction;
import static io.polygraph.job.SampleRecords.transactionSchemaWithOptional;
import static io.polygraph.job.SampleRecords.transactionSchemaWithout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.polygraph.detector.ReasonCodes;
import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.schema.Alert;
import io.polygraph.schema.DeadLetter;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.message.MissingSchemaException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Producers that evolved the transaction schema (one added an optional field, one removed an
 * optional field) keep being scored once their schemas are given in {@link
 * PolygraphOptions#WRITER_SCHEMAS}, through the whole job graph with the real decode path; without
 * the option the same records are dead letters, so the scoring is the option's doing.
 */
class EvolvedWriterSchemasPipelineTest {

    private static final long ANOMALOUS = FixedScorer.ANOMALOUS_AMOUNT;
    private static final Schema ADDED = transactionSchemaWithOptional("terminalId");
    private static final Schema REMOVED = transactionSchemaWithout("deviceId");

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir Path schemaFolder;

    @Test
    void recordsOfTheConfiguredEvolvedSchemasAreScored() throws Exception {
        Files.writeString(schemaFolder.resolve("transaction-added.avsc"), ADDED.toString(true));
        Files.writeString(schemaFolder.resolve("transaction-removed.avsc"), REMOVED.toString(true));
        Configuration config = config();
        config.set(PolygraphOptions.WRITER_SCHEMAS, List.of(schemaFolder.toString()));

        Outputs out = run(JobSettings.from(config));

        assertThat(out.deadLetters()).isEmpty();
        assertThat(out.alerts())
                .extracting(Alert::getTransactionId)
                .containsExactlyInAnyOrder("e1-added", "e2-removed", "e3-current", "e1-added-2");
        // Joined with the profile and the enrolment: their event times lined up with the evolved
        // transactions', so the records were timed and joined, not just decoded.
        assertThat(out.alerts())
                .allSatisfy(
                        a ->
                                assertThat(a.getReasonCodes())
                                        .doesNotContain(
                                                ReasonCodes.PROFILE_MISSING,
                                                ReasonCodes.ENROLMENT_SIGNATURE_MISSING));
    }

    @Test
    void withoutTheOptionTheSameRecordsAreDeadLetteredAsOfAnUnknownWriterSchema() throws Exception {
        Outputs out = run(JobSettings.from(config()));

        assertThat(out.alerts()).extracting(Alert::getTransactionId).containsExactly("e3-current");
        assertThat(out.deadLetters())
                .extracting(DeadLetter::getSourceTopic, DeadLetter::getOffset)
                .containsExactlyInAnyOrder(
                        tuple(Topics.TRANSACTIONS_NAME, 0L),
                        tuple(Topics.TRANSACTIONS_NAME, 1L),
                        tuple(Topics.TRANSACTIONS_NAME, 3L));
        assertThat(out.deadLetters())
                .allSatisfy(
                        d -> {
                            assertThat(d.getErrorClass())
                                    .isEqualTo(MissingSchemaException.class.getName());
                            assertThat(d.getReason())
                                    .contains("unknown writer schema")
                                    .contains(PolygraphOptions.WRITER_SCHEMAS.key());
                        });
    }

    private record Outputs(List<Alert> alerts, List<DeadLetter> deadLetters) {}

    private static Outputs run(JobSettings settings) throws Exception {
        InMemoryJobSources sources = new InMemoryJobSources();
        for (String entity : List.of("e1", "e2", "e3")) {
            addEntity(sources, entity);
        }
        // Every transaction is anomalous, so each one that is scored raises an alert.
        addTransaction(sources, ADDED, tx("e1", "e1-added", 1));
        addTransaction(sources, REMOVED, tx("e2", "e2-removed", 2));
        addTransaction(sources, Transaction.getClassSchema(), tx("e3", "e3-current", 3));
        addTransaction(sources, ADDED, tx("e1", "e1-added-2", 4));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        PolygraphJob.configureEnvironment(env, settings);
        CollectingJobSinks sinks = new CollectingJobSinks();
        PolygraphJob.build(env, sources, sinks, FixedScorer::new, settings);
        env.executeAsync("polygraph-evolved-writer-schemas-test");
        return new Outputs(sinks.alerts(), sinks.deadLetters());
    }

    private static Configuration config() {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.PARALLELISM, 2);
        config.set(PolygraphOptions.BATCH_SIZE, 2);
        // Longer than the test: no input may be declared idle while another still holds records.
        config.set(PolygraphOptions.IDLENESS, Duration.ofMinutes(10));
        return config;
    }

    private static void addEntity(InMemoryJobSources sources, String entity) {
        long offset = sources.profiles.size();
        sources.profiles.add(
                raw(
                        Topics.PROFILES,
                        offset,
                        entity,
                        profile(entity, T0.minusSeconds(3600)).build()));
        sources.signatures.add(
                raw(
                        Topics.SIGNATURES,
                        offset,
                        entity,
                        enrolment(entity, T0.minusSeconds(3600)).build()));
    }

    private static void addTransaction(InMemoryJobSources sources, Schema writer, Transaction t) {
        long offset = sources.transactions.size();
        sources.transactions.add(
                raw(
                        Topics.TRANSACTIONS_NAME,
                        offset,
                        t.getEntityId().getBytes(StandardCharsets.UTF_8),
                        encode(writer, t)));
    }

    private static Transaction tx(String entity, String id, int second) {
        return transaction(entity, id, T0.plusSeconds(second))
                .setAmountMinor(ANOMALOUS)
                .setDeviceId("device-" + entity)
                .build();
    }
}
