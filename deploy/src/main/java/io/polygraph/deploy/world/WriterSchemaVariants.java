package io.polygraph.deploy.world;

import io.polygraph.schema.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;

/**
 * Transactions written the way a producer with another version of the schema writes them: the same
 * single-object encoding, but a writer schema (and so a fingerprint) the job does not know.
 *
 * <p>These are what a producer deployed ahead of or behind the job sends: an evolved schema with a
 * field added, one that dropped a field the job requires, and one that made such a field nullable
 * and sends null.
 */
final class WriterSchemaVariants {

    private WriterSchemaVariants() {}

    /** Written with the schema plus an optional field: valid header, unknown fingerprint. */
    static byte[] withExtraField(Transaction transaction) {
        Schema nullableString = nullableString();
        List<Schema.Field> fields = copyOfFields();
        fields.add(
                new Schema.Field(
                        "loyaltyTier",
                        nullableString,
                        "A field a newer producer added.",
                        Schema.Field.NULL_DEFAULT_VALUE));
        return encode(schemaOf(fields), transaction);
    }

    /** Written with a schema lacking {@code field}, which the job's schema requires. */
    static byte[] withoutField(Transaction transaction, String field) {
        List<Schema.Field> fields = copyOfFields();
        fields.removeIf(f -> f.name().equals(field));
        return encode(schemaOf(fields), transaction);
    }

    /** Written with {@code field} (a required string) made nullable, and null in it. */
    static byte[] withNullField(Transaction transaction, String field) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : Transaction.getClassSchema().getFields()) {
            fields.add(
                    f.name().equals(field)
                            ? new Schema.Field(f.name(), nullableString(), f.doc(), null)
                            : new Schema.Field(f, f.schema()));
        }
        Transaction withNull = Transaction.newBuilder(transaction).build();
        withNull.put(field, null); // the builder would refuse it
        return encode(schemaOf(fields), withNull);
    }

    private static List<Schema.Field> copyOfFields() {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : Transaction.getClassSchema().getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        return fields;
    }

    private static Schema schemaOf(List<Schema.Field> fields) {
        Schema full = Transaction.getClassSchema();
        return Schema.createRecord(
                full.getName(), full.getDoc(), full.getNamespace(), false, fields);
    }

    private static Schema nullableString() {
        return Schema.createUnion(
                Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
    }

    private static byte[] encode(Schema schema, Transaction transaction) {
        GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            Schema.Field own = Transaction.getClassSchema().getField(field.name());
            Object value = own == null ? null : transaction.get(field.name());
            // Generic data has no logical-type conversions: timestamps go as epoch millis.
            record.put(field.name(), value instanceof Instant i ? i.toEpochMilli() : value);
        }
        try {
            ByteBuffer buffer =
                    new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema)
                            .encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a transaction variant", e);
        }
    }
}
