package io.polygraph.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.schema.Channel;
import io.polygraph.schema.Location;
import io.polygraph.schema.Transaction;
import java.io.IOException;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class AvroCodecTest {

    private final AvroCodec<Transaction> codec = AvroCodec.of(Transaction.class);

    @Test
    void roundTripsARecord() throws IOException {
        Transaction original = transaction();

        Transaction decoded = codec.decode(codec.encode(original));

        assertThat(decoded).isEqualTo(original);
        assertThat(decoded.getDeviceId()).isEqualTo("device-1");
    }

    @Test
    void rejectsBytesWithoutTheSingleObjectMarker() {
        byte[] bytes = codec.encode(transaction());
        bytes[0] = 0x00;

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Transaction");
    }

    @Test
    void rejectsTruncatedBytes() {
        byte[] bytes = codec.encode(transaction());

        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(bytes, bytes.length / 2)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void rejectsAnUnknownWriterSchemaUntilItIsRegistered() throws IOException {
        Schema older = olderTransactionSchemaWithoutOptionalFields();
        byte[] bytes = encodeWithOlderSchema(older);

        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(IOException.class);

        Transaction resolved = codec.withWriterSchema(older).decode(bytes);
        assertThat(resolved.getTransactionId()).isEqualTo("tx-old");
        assertThat(resolved.getDeviceId()).isNull();
        assertThat(resolved.getSignatureCaptured()).isFalse();
    }

    @Test
    void listsItsOwnSchemaFirstThenTheRegisteredWriterSchemas() {
        Schema older = olderTransactionSchemaWithoutOptionalFields();

        assertThat(codec.writerSchemas()).containsExactly(Transaction.getClassSchema());
        assertThat(codec.withWriterSchema(older).writerSchemas())
                .containsExactly(Transaction.getClassSchema(), older);
    }

    @Test
    void survivesJavaSerializationAsFlinkShipsIt() throws Exception {
        byte[] serialized;
        try (var bytes = new java.io.ByteArrayOutputStream();
                var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(codec.withWriterSchema(olderTransactionSchemaWithoutOptionalFields()));
            out.flush();
            serialized = bytes.toByteArray();
        }
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(serialized))) {
            @SuppressWarnings("unchecked")
            AvroCodec<Transaction> copy = (AvroCodec<Transaction>) in.readObject();
            assertThat(copy.decode(codec.encode(transaction()))).isEqualTo(transaction());
        }
    }

    private static Transaction transaction() {
        return Transaction.newBuilder()
                .setTransactionId("tx-1")
                .setEntityId("cust-1")
                .setEventTime(java.time.Instant.ofEpochMilli(1_767_225_600_000L))
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

    /** The Transaction schema as a first version of the producer might have written it. */
    private static Schema olderTransactionSchemaWithoutOptionalFields() {
        Schema location = Location.getClassSchema();
        return SchemaBuilder.record("Transaction")
                .namespace("io.polygraph.schema")
                .fields()
                .requiredString("transactionId")
                .requiredString("entityId")
                .name("eventTime")
                .type(
                        org.apache.avro.LogicalTypes.timestampMillis()
                                .addToSchema(Schema.create(Schema.Type.LONG)))
                .noDefault()
                .requiredLong("amountMinor")
                .requiredString("currency")
                .requiredString("merchantId")
                .requiredString("merchantCategory")
                .name("channel")
                .type(Channel.getClassSchema())
                .noDefault()
                .name("location")
                .type(location)
                .noDefault()
                .endRecord();
    }

    private static byte[] encodeWithOlderSchema(Schema older) throws IOException {
        GenericRecord location = new GenericData.Record(Location.getClassSchema());
        location.put("country", "DE");
        location.put("region", "DE-BY");
        location.put("latitude", 48.1);
        location.put("longitude", 11.6);
        GenericRecord record = new GenericData.Record(older);
        record.put("transactionId", "tx-old");
        record.put("entityId", "cust-1");
        record.put("eventTime", 1_767_225_600_000L);
        record.put("amountMinor", 500L);
        record.put("currency", "EUR");
        record.put("merchantId", "m-1");
        record.put("merchantCategory", "5411");
        record.put(
                "channel",
                new GenericData.EnumSymbol(Channel.getClassSchema(), Channel.ONLINE.name()));
        record.put("location", location);
        var buffer =
                new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(record);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
