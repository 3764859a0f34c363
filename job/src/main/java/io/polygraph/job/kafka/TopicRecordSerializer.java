package io.polygraph.job.kafka;

import io.polygraph.topic.Topic;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes records to one {@link Topic}: the value in the topic's wire format (its {@link
 * io.polygraph.topic.TopicCodec}: single-object, or Confluent framing with the id the codec
 * registered under {@code <topic>-value}), the key from a function of the record.
 *
 * <p>The Kafka record timestamp is the Flink record's timestamp when there is one (event time for
 * alerts, the original Kafka timestamp for dead letters), else the producer's clock.
 *
 * @param <T> the topic's record type
 */
public final class TopicRecordSerializer<T extends SpecificRecord>
        implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final Topic<T> topic;
    private final SerializableFunction<T, byte[]> keyOf;

    /** Writes to {@code topic} with keys from {@code keyOf} (which may return null: no key). */
    public TopicRecordSerializer(Topic<T> topic, SerializableFunction<T, byte[]> keyOf) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            T element, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                topic.name(), null, timestamp, keyOf.apply(element), topic.codec().encode(element));
    }
}
