package io.polygraph.deploy.world;

import io.polygraph.schema.AnomalyLabel;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.Topic;
import io.polygraph.world.World;
import io.polygraph.world.WorldEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes a synthetic {@link World} to Kafka as a live stream: every record on its topic, keyed by
 * entity id, with the Kafka timestamp set to the record's event time, in event-time order, paced at
 * a given rate.
 *
 * <p>The ground-truth labels go to their own topic, which the job never reads. The publisher
 * remembers the wall-clock time at which each transaction was handed to Kafka, so that a consumer
 * of the alert topic can measure event-to-alert latency.
 */
public final class WorldPublisher implements AutoCloseable {

    /** The topics a world is written to. */
    public record WorldTopics(
            Topic<Transaction> transactions,
            Topic<CustomerProfile> profiles,
            Topic<SignatureImage> signatures,
            Topic<AnomalyLabel> labels) {
        public WorldTopics {
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(profiles, "profiles");
            Objects.requireNonNull(signatures, "signatures");
            Objects.requireNonNull(labels, "labels");
        }
    }

    private final KafkaProducer<byte[], byte[]> producer;
    private final WorldTopics topics;
    private final Map<String, Long> publishedAtNanos = new HashMap<>();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    /**
     * @param kafkaConfig producer configuration: bootstrap servers and any security settings
     * @param topics where each kind of record goes
     */
    public WorldPublisher(Map<String, Object> kafkaConfig, WorldTopics topics) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        this.producer = new KafkaProducer<>(config);
        this.topics = Objects.requireNonNull(topics, "topics");
    }

    /**
     * Publishes every event of {@code world}, then its labels, and waits until Kafka acknowledged
     * all of them.
     *
     * @param eventsPerSecond pacing of the events; 0 or less publishes as fast as possible
     * @param progress called with the number of events published so far, every 500 events
     * @return the number of events published (labels not counted)
     */
    public long publish(World world, double eventsPerSecond, LongConsumer progress) {
        long startNanos = System.nanoTime();
        long published = 0;
        for (WorldEvent event : world.eventsInTimeOrder()) {
            pace(startNanos, published, eventsPerSecond);
            send(event);
            published++;
            if (published % 500 == 0) {
                progress.accept(published);
            }
        }
        for (AnomalyLabel label : world.labels()) {
            send(topics.labels(), label.getEntityId(), label, null);
        }
        flush();
        progress.accept(published);
        return published;
    }

    /**
     * Sends records exactly as given (for example damaged ones that the job must dead-letter) and
     * waits until Kafka acknowledged them.
     */
    public void publishRaw(java.util.Collection<ProducerRecord<byte[], byte[]>> records) {
        for (ProducerRecord<byte[], byte[]> record : records) {
            producer.send(record, this::noteFailure);
        }
        flush();
    }

    /** Wall-clock {@link System#nanoTime()} at which each transaction id was sent. */
    public Map<String, Long> publishedAtNanos() {
        synchronized (publishedAtNanos) {
            return Map.copyOf(publishedAtNanos);
        }
    }

    private void send(WorldEvent event) {
        SpecificRecord record = event.record();
        if (record instanceof Transaction transaction) {
            synchronized (publishedAtNanos) {
                publishedAtNanos.put(transaction.getTransactionId(), System.nanoTime());
            }
            send(topics.transactions(), event.entityId(), transaction, event.eventTimeMillis());
        } else if (record instanceof CustomerProfile profile) {
            send(topics.profiles(), event.entityId(), profile, event.eventTimeMillis());
        } else if (record instanceof SignatureImage signature) {
            send(topics.signatures(), event.entityId(), signature, event.eventTimeMillis());
        } else {
            throw new IllegalArgumentException(
                    "a world has no events of type " + record.getClass().getName());
        }
    }

    private <T extends SpecificRecord> void send(
            Topic<T> topic, String entityId, T record, Long timestampMillis) {
        producer.send(
                new ProducerRecord<>(
                        topic.name(),
                        null,
                        timestampMillis,
                        entityId.getBytes(StandardCharsets.UTF_8),
                        topic.codec().encode(record)),
                this::noteFailure);
    }

    private void noteFailure(
            org.apache.kafka.clients.producer.RecordMetadata metadata, Exception error) {
        if (error != null) {
            firstFailure.compareAndSet(null, error);
        }
    }

    private static void pace(long startNanos, long published, double eventsPerSecond) {
        if (eventsPerSecond <= 0) {
            return;
        }
        long dueNanos = startNanos + (long) (published * 1e9 / eventsPerSecond);
        long waitNanos = dueNanos - System.nanoTime();
        if (waitNanos > 1_000_000) {
            try {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            }
        }
    }

    private void flush() {
        producer.flush();
        Exception failure = firstFailure.get();
        if (failure != null) {
            // Sends fail asynchronously; surface the first one rather than lose records quietly.
            throw new IllegalStateException("Kafka rejected a record of the world", failure);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
