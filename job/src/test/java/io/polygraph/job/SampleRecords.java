package io.polygraph.job;

import io.polygraph.schema.Channel;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.ImageFormat;
import io.polygraph.schema.IncomeBand;
import io.polygraph.schema.JoinedTransaction;
import io.polygraph.schema.Location;
import io.polygraph.schema.Occupation;
import io.polygraph.schema.RawRecord;
import io.polygraph.schema.RiskRating;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.SignaturePurpose;
import io.polygraph.schema.SourceOfFunds;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.Topic;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;

/**
 * Test-data builders: valid records with sensible defaults, returned as Avro builders so that a
 * test changes only the field it is about.
 */
public final class SampleRecords {

    /** A fixed event time well in the past of any wall clock the tests run at. */
    public static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

    private SampleRecords() {}

    public static Transaction.Builder transaction(
            String entityId, String transactionId, Instant at) {
        return Transaction.newBuilder()
                .setTransactionId(transactionId)
                .setEntityId(entityId)
                .setEventTime(at)
                .setAmountMinor(2_500)
                .setCurrency("EUR")
                .setMerchantId("merchant-1")
                .setMerchantCategory("5411")
                .setChannel(Channel.CARD_PRESENT)
                .setLocation(location())
                .setSignatureCaptured(false)
                .setDeviceId(null);
    }

    public static CustomerProfile.Builder profile(String entityId, Instant updatedAt) {
        return CustomerProfile.newBuilder()
                .setEntityId(entityId)
                .setUpdatedAt(updatedAt)
                .setBirthYear(1980)
                .setOccupation(Occupation.EMPLOYEE)
                .setIncomeBand(IncomeBand.MIDDLE)
                .setHomeLocation(location())
                .setAccountOpenedDate(LocalDate.of(2015, 3, 1))
                .setDeclaredMonthlySpendMinor(150_000)
                .setCurrency("EUR")
                .setNationality("DE")
                .setSourceOfFunds(SourceOfFunds.SALARY)
                .setRiskRating(RiskRating.LOW)
                .setPoliticallyExposed(false)
                .setKycVerifiedAt(updatedAt);
    }

    public static SignatureImage.Builder enrolment(String entityId, Instant capturedAt) {
        return signature(entityId, capturedAt).setPurpose(SignaturePurpose.ENROLMENT);
    }

    public static SignatureImage.Builder presented(
            String entityId, String transactionId, Instant capturedAt) {
        return signature(entityId, capturedAt)
                .setPurpose(SignaturePurpose.PRESENTED)
                .setTransactionId(transactionId);
    }

    private static SignatureImage.Builder signature(String entityId, Instant capturedAt) {
        return SignatureImage.newBuilder()
                .setEntityId(entityId)
                .setCapturedAt(capturedAt)
                .setTransactionId(null)
                .setFormat(ImageFormat.PNG)
                .setImageBytes(ByteBuffer.wrap(png(40, 20)))
                .setWidth(40)
                .setHeight(20);
    }

    /** A small PNG: dark ink on a light background. */
    public static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.drawLine(2, height - 3, width - 3, 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static Location location() {
        return new Location("DE", "DE-BE", 52.52, 13.40);
    }

    /** A joined transaction with a profile and nothing else. */
    public static JoinedTransaction.Builder joined(Transaction transaction) {
        return JoinedTransaction.newBuilder()
                .setTransaction(transaction)
                .setRecentTransactions(new ArrayList<>())
                .setProfile(profile(transaction.getEntityId(), T0.minusSeconds(86_400)).build())
                .setEnrolmentSignature(null)
                .setPresentedSignature(null)
                .setIngestTime(transaction.getEventTime());
    }

    /**
     * {@code record} as read from {@code topic} at partition 0, {@code offset}, keyed by {@code
     * key}.
     */
    public static <T extends SpecificRecord> RawRecord raw(
            Topic<T> topic, long offset, String key, T record) {
        return raw(
                topic.name(),
                offset,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                topic.codec().encode(record));
    }

    /** Raw bytes as read from {@code topic} at partition 0, {@code offset}. */
    public static RawRecord raw(String topic, long offset, byte[] key, byte[] value) {
        return RawRecord.newBuilder()
                .setTopic(topic)
                .setPartition(0)
                .setOffset(offset)
                .setTimestamp(T0.toEpochMilli())
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .build();
    }

    /** The transaction schema without {@code fieldName}: an older or newer writer's schema. */
    public static Schema transactionSchemaWithout(String fieldName) {
        Schema full = Transaction.getClassSchema();
        List<Schema.Field> fields =
                full.getFields().stream()
                        .filter(f -> !f.name().equals(fieldName))
                        .map(f -> new Schema.Field(f, f.schema()))
                        .toList();
        return Schema.createRecord(
                full.getName(), full.getDoc(), full.getNamespace(), false, fields);
    }

    /** The transaction schema with {@code fieldName}, a required string, made nullable. */
    public static Schema transactionSchemaWithNullable(String fieldName) {
        Schema full = Transaction.getClassSchema();
        Schema nullableString =
                Schema.createUnion(
                        Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        List<Schema.Field> fields =
                full.getFields().stream()
                        .map(
                                f ->
                                        f.name().equals(fieldName)
                                                ? new Schema.Field(
                                                        f.name(), nullableString, f.doc(), null)
                                                : new Schema.Field(f, f.schema()))
                        .toList();
        return Schema.createRecord(
                full.getName(), full.getDoc(), full.getNamespace(), false, fields);
    }

    /**
     * The transaction schema with one more field, {@code fieldName}, an optional string (a union
     * with null, default null): a newer writer's schema.
     */
    public static Schema transactionSchemaWithOptional(String fieldName) {
        Schema full = Transaction.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        full.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        Schema optionalString =
                Schema.createUnion(
                        Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        fields.add(
                new Schema.Field(
                        fieldName, optionalString, "added by a newer writer", Schema.NULL_VALUE));
        return Schema.createRecord(
                full.getName(), full.getDoc(), full.getNamespace(), false, fields);
    }

    /**
     * {@code transaction} single-object encoded with {@code schema}, a subset of its own plus
     * fields the transaction does not have; those get the value {@code "new-<field name>"}, so that
     * the reader skips a value that is there rather than a null.
     */
    public static byte[] encode(Schema schema, Transaction transaction) {
        GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            Object value =
                    transaction.getSchema().getField(field.name()) == null
                            ? "new-" + field.name()
                            : transaction.get(field.name());
            record.put(field.name(), value instanceof Instant i ? i.toEpochMilli() : value);
        }
        try {
            return ByteArrays.copyOf(
                    new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema)
                            .encode(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
