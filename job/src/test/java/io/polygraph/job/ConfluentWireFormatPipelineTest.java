package io.polygraph.job;

import static io.polygraph.job.SampleRecords.T0;
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
import io.polygraph.job.config.WireFormat;
import io.polygraph.job.kafka.TopicRecordSerializer;
import io.polygraph.schema.Alert;
import io.polygraph.schema.DeadLetter;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.Topic;
import io.polygraph.topic.Topics;
import io.polygraph.topic.confluent.ConfluentFraming;
import io.polygraph.topic.confluent.NotConfluentFramedException;
import io.polygraph.topic.confluent.StandInSchemaRegistry;
import io.polygraph.topic.confluent.UnknownSchemaIdException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole job graph in the Confluent wire format: producers that evolved the transaction schema
 * (an added optional field, a removed optional field) registered their schemas in the registry and
 * framed their records with the ids; every valid record is scored, and the records that are not
 * framed right or name an unknown id are dead letters. The registry is {@link
 * StandInSchemaRegistry}, a local HTTP stand-in with the two endpoints the job uses, since no real
 * one can run here.
 */
class ConfluentWireFormatPipelineTest {

    private static final long ANOMALOUS = FixedScorer.ANOMALOUS_AMOUNT;
    private static final Schema ADDED = transactionSchemaWithOptional("terminalId");
    private static final Schema REMOVED = transactionSchemaWithout("deviceId");
    private static final String SUBJECT = Topics.TRANSACTIONS_NAME + "-value";

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private StandInSchemaRegistry registry;

    @BeforeEach
    void startRegistry() throws IOException {
        registry = StandInSchemaRegistry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void evolvedProducersAreScoredAndBadlyFramedRecordsAreDeadLettered() throws Exception {
        JobSettings settings = JobSettings.from(config());
        int added = registry.register(SUBJECT, ADDED);
        int removed = registry.register(SUBJECT, REMOVED);
        int current = registry.register(SUBJECT, Transaction.getClassSchema());

        InMemoryJobSources sources = new InMemoryJobSources();
        for (String entity : List.of("e1", "e2", "e3")) {
            addEntity(sources, settings, entity);
        }
        // Every transaction is anomalous, so each one that is scored raises an alert.
        addTransaction(sources, "e1", framed(ADDED, added, tx("e1", "e1-added", 1)));
        addTransaction(sources, "e2", framed(REMOVED, removed, tx("e2", "e2-removed", 2)));
        addTransaction(
                sources,
                "e3",
                framed(Transaction.getClassSchema(), current, tx("e3", "e3-current", 3)));
        addTransaction(sources, "e1", framed(ADDED, added, tx("e1", "e1-added-2", 4)));
        // A producer still on single-object encoding: the wrong magic byte.
        addTransaction(sources, "e2", Topics.TRANSACTIONS.codec().encode(tx("e2", "e2-single", 5)));
        // An id the registry never gave out.
        addTransaction(sources, "e3", framed(ADDED, 999, tx("e3", "e3-unknown-id", 6)));
        byte[] whole = framed(REMOVED, removed, tx("e3", "e3-truncated", 7));
        addTransaction(sources, "e3", Arrays.copyOf(whole, whole.length / 2));

        Outputs out = run(settings, sources);

        assertThat(out.alerts())
                .extracting(Alert::getTransactionId)
                .containsExactlyInAnyOrder("e1-added", "e2-removed", "e3-current", "e1-added-2");
        assertThat(out.alerts())
                .allSatisfy(
                        a ->
                                assertThat(a.getReasonCodes())
                                        .doesNotContain(
                                                ReasonCodes.PROFILE_MISSING,
                                                ReasonCodes.ENROLMENT_SIGNATURE_MISSING));
        assertThat(out.deadLetters())
                .extracting(DeadLetter::getSourceTopic, DeadLetter::getOffset)
                .containsExactlyInAnyOrder(
                        tuple(Topics.TRANSACTIONS_NAME, 4L),
                        tuple(Topics.TRANSACTIONS_NAME, 5L),
                        tuple(Topics.TRANSACTIONS_NAME, 6L));
        assertThat(deadLetterAt(out, 4))
                .satisfies(
                        d -> {
                            assertThat(d.getErrorClass())
                                    .isEqualTo(NotConfluentFramedException.class.getName());
                            assertThat(d.getReason()).contains("wrong magic byte 0xc3");
                        });
        assertThat(deadLetterAt(out, 5))
                .satisfies(
                        d -> {
                            assertThat(d.getErrorClass())
                                    .isEqualTo(UnknownSchemaIdException.class.getName());
                            assertThat(d.getReason()).contains("999");
                        });
        assertThat(deadLetterAt(out, 6).getReason()).contains("truncated or corrupt body");
    }

    @Test
    void theSinksFrameOutputsWithTheIdRegisteredUnderTheTopicsSubject() throws IOException {
        JobSettings settings = JobSettings.from(config());
        Topic<Alert> alerts = settings.alertsTopic();
        Alert alert =
                Alert.newBuilder()
                        .setAlertId("v1:tx-1")
                        .setEntityId("e1")
                        .setTransactionId("tx-1")
                        .setEventTime(T0)
                        .setDetectionTime(T0.plusSeconds(1))
                        .setScore(-0.5)
                        .setThreshold(0.0)
                        .setModelName("m")
                        .setModelVersion("v1")
                        .setContributions(new ArrayList<>())
                        .setReasonCodes(new ArrayList<>())
                        .build();
        TopicRecordSerializer<Alert> serializer =
                new TopicRecordSerializer<>(
                        alerts, a -> a.getEntityId().getBytes(StandardCharsets.UTF_8));

        ProducerRecord<byte[], byte[]> first = serializer.serialize(alert, null, 1L);
        serializer.serialize(alert, null, 2L);

        int id = ConfluentFraming.schemaId(ByteBuffer.wrap(first.value()));
        assertThat(new Schema.Parser().parse(registry.schemaText(id)))
                .isEqualTo(Alert.getClassSchema());
        assertThat(registry.requests())
                .containsExactly("POST /subjects/" + Topics.ALERTS_NAME + "-value/versions");
        assertThat(alerts.codec().decode(first.value())).isEqualTo(alert);
    }

    private static DeadLetter deadLetterAt(Outputs out, long offset) {
        return out.deadLetters().stream()
                .filter(d -> d.getOffset() == offset)
                .findFirst()
                .orElseThrow();
    }

    private record Outputs(List<Alert> alerts, List<DeadLetter> deadLetters) {}

    private static Outputs run(JobSettings settings, InMemoryJobSources sources) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        PolygraphJob.configureEnvironment(env, settings);
        CollectingJobSinks sinks = new CollectingJobSinks();
        PolygraphJob.build(env, sources, sinks, FixedScorer::new, settings);
        env.executeAsync("polygraph-confluent-wire-format-test");
        return new Outputs(sinks.alerts(), sinks.deadLetters());
    }

    private Configuration config() {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.PARALLELISM, 2);
        config.set(PolygraphOptions.BATCH_SIZE, 2);
        // Longer than the test: no input may be declared idle while another still holds records.
        config.set(PolygraphOptions.IDLENESS, Duration.ofMinutes(10));
        config.set(PolygraphOptions.WIRE_FORMAT, WireFormat.CONFLUENT);
        config.set(PolygraphOptions.SCHEMA_REGISTRY_URL, registry.url());
        return config;
    }

    /** Profile and enrolment, written by the job's own codecs (which register their schemas). */
    private static void addEntity(InMemoryJobSources sources, JobSettings settings, String entity) {
        long offset = sources.profiles.size();
        sources.profiles.add(
                raw(
                        settings.profilesTopic(),
                        offset,
                        entity,
                        profile(entity, T0.minusSeconds(3600)).build()));
        sources.signatures.add(
                raw(
                        settings.signaturesTopic(),
                        offset,
                        entity,
                        enrolment(entity, T0.minusSeconds(3600)).build()));
    }

    /** Adds {@code value} keyed by {@code entity}, at the next offset. */
    private static void addTransaction(InMemoryJobSources sources, String entity, byte[] value) {
        long offset = sources.transactions.size();
        sources.transactions.add(
                raw(
                        Topics.TRANSACTIONS_NAME,
                        offset,
                        entity.getBytes(StandardCharsets.UTF_8),
                        value));
    }

    private static Transaction tx(String entity, String id, int second) {
        return transaction(entity, id, T0.plusSeconds(second))
                .setAmountMinor(ANOMALOUS)
                .setDeviceId("device-" + entity)
                .build();
    }

    /**
     * {@code transaction} written with {@code writer} as another producer would (fields the
     * transaction lacks get {@code "new-<field>"}), framed with {@code id}.
     */
    private static byte[] framed(Schema writer, int id, Transaction transaction) {
        GenericRecord record = new GenericData.Record(writer);
        for (Schema.Field field : writer.getFields()) {
            Object value =
                    transaction.getSchema().getField(field.name()) == null
                            ? "new-" + field.name()
                            : transaction.get(field.name());
            record.put(field.name(), value instanceof Instant i ? i.toEpochMilli() : value);
        }
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(body, null);
            new GenericDatumWriter<GenericRecord>(writer, GenericData.get()).write(record, encoder);
            encoder.flush();
            return ConfluentFraming.frame(id, body.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
