package io.polygraph.it;

import io.polygraph.deploy.world.WorldPublisher.WorldTopics;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.Topic;
import io.polygraph.world.WorldEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A world's events as the records {@link io.polygraph.deploy.world.WorldPublisher} would send
 * (keyed by entity id, so that every record of an entity lands on one partition of its topic, and
 * stamped with the event time), for tests that publish a world in parts.
 */
final class WorldRecords {

    private WorldRecords() {}

    /** The records of {@code events}, in the given order. */
    static List<ProducerRecord<byte[], byte[]>> of(List<WorldEvent> events, WorldTopics topics) {
        return events.stream().map(e -> of(e, topics)).toList();
    }

    private static ProducerRecord<byte[], byte[]> of(WorldEvent event, WorldTopics topics) {
        SpecificRecord record = event.record();
        if (record instanceof Transaction t) {
            return of(topics.transactions(), event, t);
        } else if (record instanceof CustomerProfile p) {
            return of(topics.profiles(), event, p);
        } else if (record instanceof SignatureImage s) {
            return of(topics.signatures(), event, s);
        }
        throw new IllegalArgumentException("no topic for " + record.getClass().getName());
    }

    private static <T extends SpecificRecord> ProducerRecord<byte[], byte[]> of(
            Topic<T> topic, WorldEvent event, T record) {
        return new ProducerRecord<>(
                topic.name(),
                null,
                event.eventTimeMillis(),
                event.entityId().getBytes(StandardCharsets.UTF_8),
                topic.codec().encode(record));
    }
}
