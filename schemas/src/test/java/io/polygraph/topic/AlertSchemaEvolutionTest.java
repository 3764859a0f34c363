package io.polygraph.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.schema.Alert;
import io.polygraph.schema.Contribution;
import io.polygraph.schema.ModalityWeight;
import io.polygraph.schema.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/**
 * Alert consumers and the job upgrade apart: the first {@code Alert} schema (kept as a test
 * resource) and the current one read each other's records, in the topic's single-object encoding.
 *
 * <p>Single-object encoding names the writer schema by fingerprint, so a reader resolves a record
 * of another version once that version is registered with it ({@link AvroCodec#withWriterSchema}).
 */
class AlertSchemaEvolutionTest {

    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void theSchemasAreCompatibleBothWays() throws IOException {
        Schema previous = previousSchema();

        assertThat(
                        SchemaCompatibility.checkReaderWriterCompatibility(
                                        Alert.getClassSchema(), previous)
                                .getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        assertThat(
                        SchemaCompatibility.checkReaderWriterCompatibility(
                                        previous, Alert.getClassSchema())
                                .getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void anOldConsumerReadsANewAlert() throws IOException {
        Alert alert = Alert.newBuilder(oldFields()).build();
        alert.setModalityWeights(new ArrayList<>(List.of(new ModalityWeight("transaction", 0.7))));
        alert.setSeverity(Severity.HIGH);
        alert.setSmoothedScore(-0.4);
        alert.setSummary("HIGH: ...");
        byte[] bytes = Topics.ALERTS.codec().encode(alert);

        BinaryMessageDecoder<GenericRecord> oldConsumer =
                new BinaryMessageDecoder<>(GenericData.get(), previousSchema());
        oldConsumer.addSchema(Alert.getClassSchema());
        GenericRecord read = oldConsumer.decode(ByteBuffer.wrap(bytes));

        assertThat(read.getSchema().getField("severity")).isNull();
        assertThat(read.get("transactionId").toString()).isEqualTo("tx-1");
        assertThat(read.get("score")).isEqualTo(-0.6);
        assertThat(read.get("reasonCodes").toString()).contains("SIGNATURE_INCONSISTENT");
    }

    @Test
    void aNewConsumerReadsAnOldAlertWithTheDefaults() throws IOException {
        Schema previous = previousSchema();
        Alert old = oldFields();
        GenericRecord record = new GenericData.Record(previous);
        for (Schema.Field field : previous.getFields()) {
            record.put(
                    field.name(),
                    GenericData.get().deepCopy(field.schema(), genericOf(old, field)));
        }
        ByteBuffer buffer =
                new BinaryMessageEncoder<GenericRecord>(GenericData.get(), previous).encode(record);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);

        Alert read = AvroCodec.of(Alert.class).withWriterSchema(previous).decode(bytes);

        assertThat(read.getTransactionId()).isEqualTo("tx-1");
        assertThat(read.getContributions()).containsExactly(new Contribution("signature", -0.6));
        assertThat(read.getModalityWeights()).isEmpty();
        assertThat(read.getSeverity()).isEqualTo(Severity.UNSPECIFIED);
        assertThat(read.getSmoothedScore()).isNull();
        assertThat(read.getSummary()).isEmpty();
    }

    /**
     * The value of {@code field} of {@code alert} as a generic record of the old schema holds it.
     */
    private static Object genericOf(Alert alert, Schema.Field field) {
        Object value = alert.get(field.name());
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (field.name().equals("contributions")) {
            Schema item = field.schema().getElementType();
            List<GenericRecord> contributions = new ArrayList<>();
            for (Contribution c : alert.getContributions()) {
                GenericRecord generic = new GenericData.Record(item);
                generic.put("name", c.getName());
                generic.put("score", c.getScore());
                contributions.add(generic);
            }
            return contributions;
        }
        return value;
    }

    private static Alert oldFields() {
        return Alert.newBuilder()
                .setAlertId("v1:tx-1")
                .setEntityId("cust-1")
                .setTransactionId("tx-1")
                .setEventTime(T0)
                .setDetectionTime(T0.plusSeconds(1))
                .setScore(-0.6)
                .setThreshold(-0.44)
                .setModelName("cmad")
                .setModelVersion("v1")
                .setContributions(new ArrayList<>(List.of(new Contribution("signature", -0.6))))
                .setReasonCodes(new ArrayList<>(List.of("SIGNATURE_INCONSISTENT")))
                .build();
    }

    private static Schema previousSchema() throws IOException {
        try (InputStream in =
                AlertSchemaEvolutionTest.class.getResourceAsStream("/avro/Alert-v1.avsc")) {
            return new Schema.Parser().parse(in);
        }
    }
}
