package io.polygraph.deploy.demo;

import io.polygraph.topic.Topic;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one topic from its beginning in a background thread, as a downstream subscriber would
 * ({@code read_committed}), decoding each record and noting when it arrived.
 *
 * <p>Used by the demo to print alerts as they arrive and to measure event-to-alert latency; records
 * that cannot be decoded are counted, not dropped silently.
 *
 * @param <T> the topic's record type
 */
public final class TopicWatcher<T extends SpecificRecord> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicWatcher.class);

    /** A record and the {@link System#nanoTime()} at which it was received. */
    public record Received<T>(T value, long receivedAtNanos) {}

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topic<T> topic;
    private final Consumer<Received<T>> onRecord;
    private final List<Received<T>> received = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private long undecodable;

    /**
     * @param kafkaConfig consumer configuration: bootstrap servers and any security settings
     * @param topic the topic to follow
     * @param onRecord called on the watcher's thread for every decoded record
     */
    public TopicWatcher(
            Map<String, Object> kafkaConfig, Topic<T> topic, Consumer<Received<T>> onRecord) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "polygraph-watcher-" + topic.name());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumer = new KafkaConsumer<>(config);
        this.topic = Objects.requireNonNull(topic, "topic");
        this.onRecord = Objects.requireNonNull(onRecord, "onRecord");
        this.thread = new Thread(this::pollUntilClosed, "watch-" + topic.name());
        this.thread.setDaemon(true);
        consumer.subscribe(
                List.of(topic.name()),
                new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        assigned.countDown();
                    }
                });
        thread.start();
    }

    private void pollUntilClosed() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    accept(record);
                }
            }
        } catch (WakeupException e) {
            // close() woke us up.
        } finally {
            consumer.close();
        }
    }

    private void accept(ConsumerRecord<byte[], byte[]> record) {
        long now = System.nanoTime();
        try {
            Received<T> value = new Received<>(topic.codec().decode(record.value()), now);
            synchronized (received) {
                received.add(value);
            }
            onRecord.accept(value);
        } catch (IOException e) {
            synchronized (received) {
                undecodable++;
            }
            LOG.warn(
                    "Undecodable record on {}-{} at offset {}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
        }
    }

    /**
     * Waits until the watcher's consumer has joined its group and been given the topic's
     * partitions, so that records written from now on are received as soon as they are visible (the
     * latency benchmark starts publishing only then).
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitAssignment(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Everything received so far, in arrival order. */
    public List<Received<T>> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Number of records received so far. */
    public int count() {
        synchronized (received) {
            return received.size();
        }
    }

    /** Number of records that could not be decoded. */
    public long undecodable() {
        synchronized (received) {
            return undecodable;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
