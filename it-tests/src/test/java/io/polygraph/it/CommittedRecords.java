package io.polygraph.it;

import io.polygraph.topic.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Everything committed on a topic at the moment of reading, as a downstream {@code read_committed}
 * consumer sees it: every partition read from its start up to its last stable offset, without a
 * consumer group (so nothing is shared with, or hidden by, another consumer).
 */
final class CommittedRecords {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private CommittedRecords() {}

    /** Every committed record of {@code topic}, decoded, partition by partition. */
    static <T extends SpecificRecord> List<T> read(
            Map<String, Object> kafkaConfig, Topic<T> topic) {
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(consumerConfig(kafkaConfig))) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic.name(), TIMEOUT).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed, the end offsets are the last stable offsets.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            List<T> records = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "could not read " + topic.name() + " to its end in " + TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    records.add(topic.codec().decode(record.value()));
                }
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException("undecodable record on " + topic.name(), e);
        }
    }

    private static boolean reached(
            KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey(), TIMEOUT) >= e.getValue());
    }

    private static Map<String, Object> consumerConfig(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }
}
