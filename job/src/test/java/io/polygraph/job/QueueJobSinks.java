package io.polygraph.job;

import io.polygraph.schema.Alert;
import io.polygraph.schema.DeadLetter;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Outputs handed to the test through in-JVM queues as they are written, for jobs that do not end:
 * unlike {@link CollectingJobSinks}, a test can wait for one record while the job keeps running,
 * and the sinks carry their {@link OperatorIds} uids like the Kafka sinks. Each instance has its
 * own queues, so two jobs (before and after a restore) can be told apart.
 */
final class QueueJobSinks implements JobSinks {

    private static final Map<String, BlockingQueue<Object>> QUEUES = new ConcurrentHashMap<>();

    private final String alertsId = UUID.randomUUID().toString();
    private final String deadLettersId = UUID.randomUUID().toString();

    @Override
    public void sinkAlerts(DataStream<Alert> alerts) {
        alerts.sinkTo(new QueueSink<>(alertsId))
                .uid(OperatorIds.ALERTS_SINK.uid())
                .name(OperatorIds.ALERTS_SINK.displayName());
    }

    @Override
    public void sinkDeadLetters(DataStream<DeadLetter> deadLetters) {
        deadLetters
                .sinkTo(new QueueSink<>(deadLettersId))
                .uid(OperatorIds.DEAD_LETTERS_SINK.uid())
                .name(OperatorIds.DEAD_LETTERS_SINK.displayName());
    }

    /** The first alert that matches, waiting at most {@code timeout} for it. */
    Alert awaitAlert(Predicate<Alert> wanted, Duration timeout) throws InterruptedException {
        return await(alertsId, Alert.class, wanted, timeout);
    }

    /** The first dead letter that matches, waiting at most {@code timeout} for it. */
    DeadLetter awaitDeadLetter(Predicate<DeadLetter> wanted, Duration timeout)
            throws InterruptedException {
        return await(deadLettersId, DeadLetter.class, wanted, timeout);
    }

    private static <T> T await(String queueId, Class<T> type, Predicate<T> wanted, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        BlockingQueue<Object> queue = queue(queueId);
        while (true) {
            long left = deadline - System.nanoTime();
            Object next = queue.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("no matching " + type.getSimpleName() + " in " + timeout);
            }
            T item = type.cast(next);
            if (wanted.test(item)) {
                return item;
            }
        }
    }

    private static BlockingQueue<Object> queue(String id) {
        return QUEUES.computeIfAbsent(id, key -> new LinkedBlockingQueue<>());
    }

    /** A sink that puts every record into the queue named {@code queueId}. */
    private static final class QueueSink<T> implements Sink<T> {
        private static final long serialVersionUID = 1L;

        private final String queueId;

        QueueSink(String queueId) {
            this.queueId = queueId;
        }

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            BlockingQueue<Object> queue = queue(queueId);
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context context) {
                    queue.add(element);
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }
}
