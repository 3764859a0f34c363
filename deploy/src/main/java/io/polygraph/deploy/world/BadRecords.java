package io.polygraph.deploy.world;

import io.polygraph.deploy.world.WorldPublisher.WorldTopics;
import io.polygraph.schema.Location;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Makes input records that the job must reject into its dead-letter topic: the kinds of damage a
 * bank's topics really see (corrupt bytes, truncated messages, wrong or unknown schemas, missing
 * fields, impossible values, images that are not images, messages too large).
 *
 * <p>Each bad record is built from a valid one of the world, so that only the damage differs.
 * Deterministic for a seed, except that a future event time is taken from the wall clock. The
 * oversized kinds must be just over the job's limits, so they are made only when those limits are
 * given ({@link #BadRecords(WorldTopics, long, SizeLimits)}); the limits must be below what the
 * broker and the producer accept (1 MB by default), or the records cannot be published at all.
 *
 * <p>Amounts are integer minor units ({@code long}), so a NaN amount cannot be written; the NaN
 * kind damages a coordinate, the only floating-point values of a transaction.
 */
public final class BadRecords {

    /** What is wrong with a bad record. */
    public enum Damage {
        /** Noise instead of a record. */
        RANDOM_BYTES,
        /** A valid record cut short. */
        TRUNCATED,
        /** The single-object marker replaced (Confluent-style framing). */
        WRONG_MAGIC,
        /** A valid header with the fingerprint of a schema the job does not know. */
        UNKNOWN_SCHEMA,
        /** Written with a schema lacking the required {@code merchantId}. */
        MISSING_REQUIRED_FIELD,
        /** Written with {@code merchantId} made nullable, and null in it. */
        NULL_REQUIRED_FIELD,
        /** A negative amount. */
        NEGATIVE_AMOUNT,
        /** A NaN latitude. */
        NAN_COORDINATES,
        /** An event time a year ahead of the wall clock. */
        FUTURE_EVENT_TIME,
        /** A blank entity id. */
        BLANK_ENTITY,
        /** A signature whose image bytes are noise. */
        UNDECODABLE_IMAGE,
        /** A signature whose image is larger than the job's limit. */
        OVERSIZED_IMAGE,
        /** A record value larger than the job's limit. */
        OVERSIZED_RECORD
    }

    /**
     * The job's limits the oversized kinds must exceed.
     *
     * @param maxImageBytes the job's largest accepted signature image
     * @param maxRecordBytes the job's largest accepted record value
     */
    public record SizeLimits(int maxImageBytes, int maxRecordBytes) {}

    /** A bad record with what is wrong with it. */
    public record BadRecord(Damage damage, ProducerRecord<byte[], byte[]> record) {}

    /** How far ahead of the wall clock a future event time lies: beyond any sane skew limit. */
    private static final Duration FUTURE = Duration.ofDays(365);

    private final WorldTopics topics;
    private final SplittableRandom random;
    private final SizeLimits limits;
    private final List<Damage> kinds;

    /**
     * Bad records of every kind but the oversized ones.
     *
     * @param topics the input topics the records go to
     * @param seed seed of the random bytes
     */
    public BadRecords(WorldTopics topics, long seed) {
        this(topics, seed, null);
    }

    /**
     * Bad records of every kind, the oversized ones just over {@code limits}.
     *
     * @param topics the input topics the records go to
     * @param seed seed of the random bytes
     * @param limits the job's size limits, or null to leave the oversized kinds out
     */
    public BadRecords(WorldTopics topics, long seed, SizeLimits limits) {
        this.topics = topics;
        this.random = new SplittableRandom(seed);
        this.limits = limits;
        Set<Damage> kinds = EnumSet.allOf(Damage.class);
        if (limits == null) {
            kinds.removeAll(EnumSet.of(Damage.OVERSIZED_IMAGE, Damage.OVERSIZED_RECORD));
        }
        this.kinds = List.copyOf(kinds);
    }

    /** The kinds of damage {@link #make} cycles through. */
    public List<Damage> kinds() {
        return kinds;
    }

    /**
     * Makes {@code count} bad records, cycling through {@link #kinds()}.
     *
     * @param transaction a valid transaction to damage
     * @param signature a valid signature image to damage
     */
    public List<BadRecord> make(int count, Transaction transaction, SignatureImage signature) {
        List<BadRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Damage damage = kinds.get(i % kinds.size());
            records.add(new BadRecord(damage, damaged(damage, i, transaction, signature)));
        }
        return records;
    }

    private ProducerRecord<byte[], byte[]> damaged(
            Damage damage, int index, Transaction transaction, SignatureImage signature) {
        byte[] encodedTransaction = topics.transactions().codec().encode(transaction);
        Transaction renamed =
                Transaction.newBuilder(transaction).setTransactionId("bad-" + index).build();
        return switch (damage) {
            case RANDOM_BYTES -> toTransactions(transaction, randomBytes(16 + random.nextInt(200)));
            case TRUNCATED ->
                    toTransactions(
                            transaction,
                            Arrays.copyOf(
                                    encodedTransaction,
                                    10 + random.nextInt(encodedTransaction.length - 10)));
            case WRONG_MAGIC -> {
                byte[] bytes = encodedTransaction.clone();
                bytes[0] = 0x00; // Confluent-style framing, not single-object encoding
                yield toTransactions(transaction, bytes);
            }
            case UNKNOWN_SCHEMA ->
                    toTransactions(transaction, WriterSchemaVariants.withExtraField(renamed));
            case MISSING_REQUIRED_FIELD ->
                    toTransactions(
                            transaction, WriterSchemaVariants.withoutField(renamed, "merchantId"));
            case NULL_REQUIRED_FIELD ->
                    toTransactions(
                            transaction, WriterSchemaVariants.withNullField(renamed, "merchantId"));
            case NEGATIVE_AMOUNT ->
                    invalidTransaction(
                            transaction,
                            index,
                            b -> b.setAmountMinor(-1 - random.nextInt(100_000)));
            case NAN_COORDINATES ->
                    invalidTransaction(
                            transaction,
                            index,
                            b ->
                                    b.setLocation(
                                            Location.newBuilder(transaction.getLocation())
                                                    .setLatitude(Double.NaN)
                                                    .build()));
            case FUTURE_EVENT_TIME ->
                    invalidTransaction(
                            transaction, index, b -> b.setEventTime(Instant.now().plus(FUTURE)));
            case BLANK_ENTITY -> invalidTransaction(transaction, index, b -> b.setEntityId(" "));
            case UNDECODABLE_IMAGE -> toSignatures(signature, randomBytes(300));
            case OVERSIZED_IMAGE ->
                    toSignatures(
                            signature,
                            randomBytes(limits.maxImageBytes() + 1 + random.nextInt(1000)));
            case OVERSIZED_RECORD ->
                    toTransactions(
                            transaction,
                            randomBytes(limits.maxRecordBytes() + 1 + random.nextInt(1000)));
        };
    }

    /** A well-formed transaction with a value that validation must reject. */
    private ProducerRecord<byte[], byte[]> invalidTransaction(
            Transaction transaction, int index, UnaryOperator<Transaction.Builder> damage) {
        Transaction invalid =
                damage.apply(Transaction.newBuilder(transaction).setTransactionId("bad-" + index))
                        .build();
        return toTransactions(transaction, topics.transactions().codec().encode(invalid));
    }

    private ProducerRecord<byte[], byte[]> toTransactions(Transaction transaction, byte[] value) {
        return new ProducerRecord<>(
                topics.transactions().name(), key(transaction.getEntityId()), value);
    }

    /** A well-formed signature record carrying {@code imageBytes} as its image. */
    private ProducerRecord<byte[], byte[]> toSignatures(
            SignatureImage signature, byte[] imageBytes) {
        SignatureImage damaged =
                SignatureImage.newBuilder(signature)
                        .setImageBytes(ByteBuffer.wrap(imageBytes))
                        .build();
        return new ProducerRecord<>(
                topics.signatures().name(),
                key(signature.getEntityId()),
                topics.signatures().codec().encode(damaged));
    }

    private static byte[] key(String entityId) {
        return entityId.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
