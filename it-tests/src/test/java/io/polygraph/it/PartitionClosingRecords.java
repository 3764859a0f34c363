package io.polygraph.it;

import io.polygraph.deploy.world.WorldPublisher.WorldTopics;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.SignaturePurpose;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.Topic;
import io.polygraph.world.World;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Like {@link ClosingRecords}, for any number of partitions, plus a watermark probe on each
 * partition. Per partition {@code p}, two entities whose records all stay on partition {@code p} of
 * their topics (as the producers keep an entity on one partition):
 *
 * <ul>
 *   <li>{@code probe-entity-p}: a profile and an enrolment signature, then {@code probe-tx-p}, a
 *       transaction that says a signature was captured although none is ever published. It can only
 *       be scored when the join's watermark passes its deadline ({@code polygraph.join.max-wait}
 *       after it): its alert proves that the watermark advanced, and it is counted as {@code
 *       joinedPresentedSignatureMissing}.
 *   <li>{@code closing-entity-p}: a profile, an enrolment signature and {@code closing-tx-p}, an
 *       unsigned transaction, {@link #CLOSING_AFTER_END} after the world's end (and well past the
 *       probes' deadlines) on every partition of every input topic: they move the watermark past
 *       every join deadline of the world and of the probes. Each closing transaction completes in
 *       the join and is scored too.
 * </ul>
 */
final class PartitionClosingRecords {

    static final Duration CLOSING_AFTER_END = Duration.ofHours(1);
    private static final Duration PROBE_AFTER_END = Duration.ofMinutes(30);

    private PartitionClosingRecords() {}

    /** The ids of every transaction these records add for {@code partitions} partitions. */
    static List<String> transactionIds(int partitions) {
        List<String> ids = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            ids.add(probeTransactionId(partition));
            ids.add(closingTransactionId(partition));
        }
        return ids;
    }

    static String probeTransactionId(int partition) {
        return "probe-tx-" + partition;
    }

    static String closingTransactionId(int partition) {
        return "closing-tx-" + partition;
    }

    static List<ProducerRecord<byte[], byte[]>> of(
            World world, WorldTopics topics, int partitions) {
        Instant end = world.config().end();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            records.addAll(
                    entity(
                            world,
                            topics,
                            partition,
                            "probe-entity-" + partition,
                            probeTransactionId(partition),
                            end.plus(PROBE_AFTER_END),
                            true));
        }
        for (int partition = 0; partition < partitions; partition++) {
            records.addAll(
                    entity(
                            world,
                            topics,
                            partition,
                            "closing-entity-" + partition,
                            closingTransactionId(partition),
                            end.plus(CLOSING_AFTER_END),
                            false));
        }
        return records;
    }

    private static List<ProducerRecord<byte[], byte[]>> entity(
            World world,
            WorldTopics topics,
            int partition,
            String entity,
            String transactionId,
            Instant at,
            boolean signatureCaptured) {
        CustomerProfile profile =
                CustomerProfile.newBuilder(world.profiles().get(0))
                        .setEntityId(entity)
                        .setUpdatedAt(at.minusSeconds(2))
                        .build();
        SignatureImage enrolment =
                SignatureImage.newBuilder(world.enrolmentSignatures().get(0))
                        .setEntityId(entity)
                        .setPurpose(SignaturePurpose.ENROLMENT)
                        .setTransactionId(null)
                        .setCapturedAt(at.minusSeconds(1))
                        .build();
        Transaction transaction =
                Transaction.newBuilder(world.transactions().get(0))
                        .setEntityId(entity)
                        .setTransactionId(transactionId)
                        .setEventTime(at)
                        .setSignatureCaptured(signatureCaptured)
                        .build();
        return List.of(
                record(topics.profiles(), partition, entity, profile),
                record(topics.signatures(), partition, entity, enrolment),
                record(topics.transactions(), partition, entity, transaction));
    }

    private static <T extends SpecificRecord> ProducerRecord<byte[], byte[]> record(
            Topic<T> topic, int partition, String entity, T value) {
        return new ProducerRecord<>(
                topic.name(),
                partition,
                entity.getBytes(StandardCharsets.UTF_8),
                topic.codec().encode(value));
    }
}
