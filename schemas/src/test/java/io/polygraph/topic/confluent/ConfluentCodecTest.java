package io.polygraph.topic.confluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.schema.Channel;
import io.polygraph.schema.Location;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.Topic;
import io.polygraph.topic.TopicCodec;
import io.polygraph.topic.Topics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ConfluentCodec}: framing, writer-schema resolution by registry id, and which failures are
 * bad data (checked, dead-lettered) and which are the registry's (unchecked). The registry is
 * {@link StandInSchemaRegistry}, a local HTTP stand-in, since no real one can run here.
 */
class ConfluentCodecTest {

    private static final String SUBJECT = "polygraph.transactions-value";

    private StandInSchemaRegistry registry;
    private ConfluentCodec<Transaction> codec;

    @BeforeEach
    void start() throws IOException {
        registry = StandInSchemaRegistry.start();
        codec = codec();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void roundTripsARecordFramedWithTheIdOfItsRegisteredSchema() throws IOException {
        byte[] bytes = codec.encode(transaction());

        assertThat(bytes[0]).isEqualTo(ConfluentFraming.MAGIC_BYTE);
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(new Schema.Parser().parse(registry.schemaText(id)))
                .isEqualTo(Transaction.getClassSchema());
        assertThat(codec.decode(bytes)).isEqualTo(transaction());
    }

    @Test
    void registersItsSchemaOnceAndLooksUpEachWriterIdOnce() throws IOException {
        for (int i = 0; i < 3; i++) {
            codec.decode(codec.encode(transaction()));
        }

        assertThat(registry.requests())
                .containsExactly("POST /subjects/" + SUBJECT + "/versions", "GET /schemas/ids/1");
    }

    @Test
    void readsANewerWriterSchemaWithAnAddedOptionalField() throws IOException {
        Schema newer = withOptional("terminalId");
        byte[] bytes = encodeAs(newer, registry.register(SUBJECT, newer));

        Transaction read = codec.decode(bytes);

        assertThat(read.getTransactionId()).isEqualTo("tx-1");
        assertThat(read.getDeviceId()).isEqualTo("device-1");
        assertThat(read.getSchema()).isEqualTo(Transaction.getClassSchema());
    }

    @Test
    void readsAnOlderWriterSchemaWithoutAnOptionalField() throws IOException {
        Schema older = without("deviceId");
        byte[] bytes = encodeAs(older, registry.register(SUBJECT, older));

        Transaction read = codec.decode(bytes);

        assertThat(read.getTransactionId()).isEqualTo("tx-1");
        assertThat(read.getDeviceId()).isNull();
    }

    @Test
    void aWriterSchemaLackingARequiredFieldIsIncompatible() {
        Schema broken = without("merchantId");
        byte[] bytes = encodeAs(broken, registry.register(SUBJECT, broken));

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(IncompatibleWriterSchemaException.class)
                .hasMessageContaining("merchantId");
    }

    @Test
    void aWrongMagicByteIsNotConfluentFramed() {
        byte[] bytes = codec.encode(transaction());
        bytes[0] = (byte) 0xC3;

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(NotConfluentFramedException.class)
                .hasMessageContaining("0xc3");
    }

    @Test
    void aValueShorterThanTheHeaderIsNotConfluentFramed() {
        assertThatThrownBy(() -> codec.decode(new byte[] {0, 0, 1}))
                .isInstanceOf(NotConfluentFramedException.class)
                .hasMessageContaining("3 bytes");
    }

    @Test
    void anIdTheRegistryDoesNotKnowIsUnknown() {
        byte[] bytes = ConfluentFraming.frame(99, new byte[] {2, 'x'});

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(UnknownSchemaIdException.class)
                .hasMessageContaining("99");
    }

    @Test
    void aTruncatedBodyIsCorrupt() {
        byte[] bytes = codec.encode(transaction());

        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(bytes, bytes.length / 2)))
                .isExactlyInstanceOf(IOException.class)
                .hasMessageContaining("truncated or corrupt");
    }

    @Test
    void aRegistryThatIsDownIsNotBadData() {
        int id = registry.register(SUBJECT, Transaction.getClassSchema());
        byte[] bytes = encodeAs(Transaction.getClassSchema(), id);
        registry.failNext(10, 503);

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(SchemaRegistryUnavailableException.class);
        assertThatThrownBy(() -> codec.encode(transaction()))
                .isInstanceOf(SchemaRegistryUnavailableException.class);

        // Once it is back, the same bytes are read: nothing was cached from the failure.
        registry.failNext(0, 503);
        assertThat(catchDecode(bytes).getTransactionId()).isEqualTo("tx-1");
    }

    @Test
    void projectsTheEventTimeOfEveryWriterSchema() throws IOException {
        Schema projection =
                SchemaBuilder.record("Transaction")
                        .namespace("io.polygraph.schema")
                        .fields()
                        .name("eventTime")
                        .type(Transaction.getClassSchema().getField("eventTime").schema())
                        .noDefault()
                        .endRecord();
        TopicCodec.ProjectionReader reader = codec.projection(projection);
        Schema older = without("deviceId");

        GenericRecord own = reader.read(ByteBuffer.wrap(codec.encode(transaction())));
        GenericRecord old =
                reader.read(ByteBuffer.wrap(encodeAs(older, registry.register(SUBJECT, older))));

        assertThat(own.get("eventTime")).isEqualTo(transaction().getEventTime().toEpochMilli());
        assertThat(old.get("eventTime")).isEqualTo(transaction().getEventTime().toEpochMilli());
    }

    @Test
    void putsATopicOnTheSubjectOfItsValues() {
        Topic<Transaction> topic =
                ConfluentCodec.onTopic(Topics.TRANSACTIONS, RegistrySettings.at(registry.url()));

        assertThat(topic.name()).isEqualTo(Topics.TRANSACTIONS_NAME);
        assertThat(((ConfluentCodec<Transaction>) topic.codec()).subject()).isEqualTo(SUBJECT);
    }

    @Test
    void survivesJavaSerializationAsFlinkShipsIt() throws Exception {
        byte[] bytes = codec.encode(transaction());
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(serialized)) {
            out.writeObject(ConfluentCodec.of(Transaction.class, SUBJECT, settings()));
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(serialized.toByteArray()))) {
            @SuppressWarnings("unchecked")
            ConfluentCodec<Transaction> copy = (ConfluentCodec<Transaction>) in.readObject();
            assertThat(copy.decode(bytes)).isEqualTo(transaction());
        }
    }

    private Transaction catchDecode(byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private RegistrySettings settings() {
        return RegistrySettings.at(registry.url());
    }

    private ConfluentCodec<Transaction> codec() {
        return ConfluentCodec.of(Transaction.class, SUBJECT, settings())
                .withClient(new SchemaRegistryClient(settings(), 2, Duration.ofMillis(1)));
    }

    static Transaction transaction() {
        return Transaction.newBuilder()
                .setTransactionId("tx-1")
                .setEntityId("cust-1")
                .setEventTime(Instant.ofEpochMilli(1_767_225_600_000L))
                .setAmountMinor(12_34)
                .setCurrency("EUR")
                .setMerchantId("m-1")
                .setMerchantCategory("5411")
                .setChannel(Channel.CARD_PRESENT)
                .setLocation(new Location("DE", "DE-BY", 48.1, 11.6))
                .setSignatureCaptured(true)
                .setDeviceId("device-1")
                .build();
    }

    /** The transaction schema without {@code field}. */
    static Schema without(String field) {
        Schema full = Transaction.getClassSchema();
        List<Schema.Field> fields =
                full.getFields().stream()
                        .filter(f -> !f.name().equals(field))
                        .map(f -> new Schema.Field(f, f.schema()))
                        .toList();
        return Schema.createRecord(
                full.getName(), full.getDoc(), full.getNamespace(), false, fields);
    }

    /** The transaction schema with one more optional string field, {@code field}. */
    static Schema withOptional(String field) {
        Schema full = Transaction.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        full.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(
                new Schema.Field(
                        field,
                        Schema.createUnion(
                                Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                        "added by a newer writer",
                        Schema.NULL_VALUE));
        return Schema.createRecord(
                full.getName(), full.getDoc(), full.getNamespace(), false, fields);
    }

    /**
     * {@link #transaction()} written with {@code writer} (fields it lacks are left out, fields the
     * transaction lacks get a value) and framed with {@code id}, as another producer would.
     */
    static byte[] encodeAs(Schema writer, int id) {
        Transaction transaction = transaction();
        GenericData data = GenericData.get();
        GenericRecord record = new GenericData.Record(writer);
        for (Schema.Field field : writer.getFields()) {
            Object value =
                    Transaction.getClassSchema().getField(field.name()) == null
                            ? "new-" + field.name()
                            : transaction.get(field.name());
            record.put(field.name(), value instanceof Instant i ? i.toEpochMilli() : value);
        }
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(body, null);
            new GenericDatumWriter<GenericRecord>(writer, data).write(record, encoder);
            encoder.flush();
            return ConfluentFraming.frame(id, body.toByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
