package io.polygraph.it;

import io.polygraph.deploy.world.BadRecords.BadRecord;
import io.polygraph.deploy.world.WorldPublisher.WorldTopics;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.Topic;
import io.polygraph.world.World;
import io.polygraph.world.WorldEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes a world's events with bad records spread evenly between them, and keeps the coordinates
 * Kafka gave every bad record, so that a test can find each one in the dead-letter topic by topic,
 * partition and offset.
 */
final class InterleavedPublisher implements AutoCloseable {

    /** Where Kafka put a bad record. */
    record Coordinates(String topic, int partition, long offset) {}

    private final KafkaProducer<byte[], byte[]> producer;
    private final WorldTopics topics;

    InterleavedPublisher(Map<String, Object> kafkaConfig, WorldTopics topics) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(config);
        this.topics = topics;
    }

    /**
     * Sends every event of {@code world} in event-time order with {@code bad} spread evenly among
     * them, waits for every acknowledgement and returns where each bad record landed.
     */
    Map<Coordinates, BadRecord> publish(World world, List<BadRecord> bad) throws Exception {
        List<WorldEvent> events = world.eventsInTimeOrder();
        List<Future<RecordMetadata>> valid = new ArrayList<>(events.size());
        Map<Future<RecordMetadata>, BadRecord> sentBad = new HashMap<>();
        int nextBad = 0;
        for (int i = 0; i < events.size(); i++) {
            valid.add(send(events.get(i)));
            // After event i, the bad records due by then: an even spread over the whole world.
            long due = (long) bad.size() * (i + 1) / events.size();
            for (; nextBad < due; nextBad++) {
                sentBad.put(producer.send(bad.get(nextBad).record()), bad.get(nextBad));
            }
        }
        producer.flush();
        for (Future<RecordMetadata> ack : valid) {
            ack.get();
        }
        Map<Coordinates, BadRecord> coordinates = new HashMap<>();
        for (Map.Entry<Future<RecordMetadata>, BadRecord> entry : sentBad.entrySet()) {
            RecordMetadata metadata = entry.getKey().get();
            coordinates.put(
                    new Coordinates(metadata.topic(), metadata.partition(), metadata.offset()),
                    entry.getValue());
        }
        return coordinates;
    }

    /** Sends {@code records} as they are (valid records the test builds itself) and waits. */
    void publishAndWait(List<ProducerRecord<byte[], byte[]>> records)
            throws InterruptedException, ExecutionException {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        records.forEach(r -> acks.add(producer.send(r)));
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
    }

    private Future<RecordMetadata> send(WorldEvent event) {
        SpecificRecord record = event.record();
        if (record instanceof Transaction t) {
            return send(topics.transactions(), event, t);
        } else if (record instanceof CustomerProfile p) {
            return send(topics.profiles(), event, p);
        } else if (record instanceof SignatureImage s) {
            return send(topics.signatures(), event, s);
        }
        throw new IllegalArgumentException("no topic for " + record.getClass().getName());
    }

    private <T extends SpecificRecord> Future<RecordMetadata> send(
            Topic<T> topic, WorldEvent event, T record) {
        return producer.send(
                new ProducerRecord<>(
                        topic.name(),
                        null,
                        event.eventTimeMillis(),
                        event.entityId().getBytes(StandardCharsets.UTF_8),
                        topic.codec().encode(record)));
    }

    @Override
    public void close() {
        producer.close();
    }
}
