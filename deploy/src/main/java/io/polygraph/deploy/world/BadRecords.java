package io.polygraph.deploy.world;

import io.polygraph.deploy.world.WorldPublisher.WorldTopics;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Makes input records that the job must reject into its dead-letter topic: the kinds of damage a
 * bank's topics really see (corrupt bytes, truncated messages, wrong schemas, impossible values,
 * images that are not images).
 *
 * <p>Each bad record is built from a valid one of the world, so that only the damage differs.
 * Deterministic for a seed.
 */
public final class BadRecords {

    /** What is wrong with a bad record. */
    public enum Damage {
        RANDOM_BYTES,
        TRUNCATED,
        WRONG_MAGIC,
        NEGATIVE_AMOUNT,
        BLANK_ENTITY,
        UNDECODABLE_IMAGE
    }

    /** A bad record with what is wrong with it. */
    public record BadRecord(Damage damage, ProducerRecord<byte[], byte[]> record) {}

    private final WorldTopics topics;
    private final SplittableRandom random;

    /**
     * @param topics the input topics the records go to
     * @param seed seed of the random bytes
     */
    public BadRecords(WorldTopics topics, long seed) {
        this.topics = topics;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Makes {@code count} bad records, cycling through every {@link Damage}.
     *
     * @param transaction a valid transaction to damage
     * @param signature a valid signature image to damage
     */
    public List<BadRecord> make(int count, Transaction transaction, SignatureImage signature) {
        List<BadRecord> records = new ArrayList<>(count);
        Damage[] kinds = Damage.values();
        for (int i = 0; i < count; i++) {
            Damage damage = kinds[i % kinds.length];
            records.add(new BadRecord(damage, damaged(damage, i, transaction, signature)));
        }
        return records;
    }

    private ProducerRecord<byte[], byte[]> damaged(
            Damage damage, int index, Transaction transaction, SignatureImage signature) {
        byte[] encodedTransaction = topics.transactions().codec().encode(transaction);
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
            case NEGATIVE_AMOUNT ->
                    invalidTransaction(
                            transaction,
                            index,
                            b -> b.setAmountMinor(-1 - random.nextInt(100_000)));
            case BLANK_ENTITY -> invalidTransaction(transaction, index, b -> b.setEntityId(" "));
            case UNDECODABLE_IMAGE ->
                    new ProducerRecord<>(
                            topics.signatures().name(),
                            key(signature.getEntityId()),
                            topics.signatures()
                                    .codec()
                                    .encode(
                                            SignatureImage.newBuilder(signature)
                                                    .setImageBytes(
                                                            ByteBuffer.wrap(randomBytes(300)))
                                                    .build()));
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

    private static byte[] key(String entityId) {
        return entityId.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
