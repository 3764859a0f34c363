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
 * Valid records of one extra entity, an hour of event time after a world's end, on every partition
 * of every input topic: they move the job's watermark past every join deadline, so that every
 * transaction still waiting for a modality is scored (the Kafka sources never end, so nothing else
 * would fire those timers).
 *
 * <p>Each closing transaction is unsigned and its entity has a profile, so it completes in the join
 * and is scored too: {@link #TRANSACTIONS} of them.
 */
final class ClosingRecords {

    /** Partitions of each input topic; the closing records go to each of them. */
    static final int PARTITIONS = 2;

    /** Number of closing transactions, all of which are scored. */
    static final int TRANSACTIONS = PARTITIONS;

    private static final String ENTITY = "closing-entity";

    private ClosingRecords() {}

    static List<ProducerRecord<byte[], byte[]>> of(World world, WorldTopics topics) {
        Instant at = world.config().end().plus(Duration.ofHours(1));
        CustomerProfile profile =
                CustomerProfile.newBuilder(world.profiles().get(0))
                        .setEntityId(ENTITY)
                        .setUpdatedAt(at.minusSeconds(2))
                        .build();
        SignatureImage enrolment =
                SignatureImage.newBuilder(world.enrolmentSignatures().get(0))
                        .setEntityId(ENTITY)
                        .setPurpose(SignaturePurpose.ENROLMENT)
                        .setTransactionId(null)
                        .setCapturedAt(at.minusSeconds(1))
                        .build();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            Transaction transaction =
                    Transaction.newBuilder(world.transactions().get(0))
                            .setEntityId(ENTITY)
                            .setTransactionId("closing-tx-" + partition)
                            .setEventTime(at.plusSeconds(partition))
                            .setSignatureCaptured(false)
                            .build();
            records.add(record(topics.profiles(), partition, profile));
            records.add(record(topics.signatures(), partition, enrolment));
            records.add(record(topics.transactions(), partition, transaction));
        }
        return records;
    }

    private static <T extends SpecificRecord> ProducerRecord<byte[], byte[]> record(
            Topic<T> topic, int partition, T value) {
        return new ProducerRecord<>(
                topic.name(),
                partition,
                ENTITY.getBytes(StandardCharsets.UTF_8),
                topic.codec().encode(value));
    }
}
