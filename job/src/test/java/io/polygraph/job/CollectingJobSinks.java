package io.polygraph.job;

import io.polygraph.schema.Alert;
import io.polygraph.schema.DeadLetter;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.CloseableIterator;

/**
 * Outputs collected back into the test with Flink's own collect sink, readable once the job has
 * been submitted.
 */
final class CollectingJobSinks implements JobSinks {

    private final DataStream.Collector<Alert> alerts = new DataStream.Collector<>();
    private final DataStream.Collector<DeadLetter> deadLetters = new DataStream.Collector<>();

    @Override
    public void sinkAlerts(DataStream<Alert> stream) {
        stream.collectAsync(alerts);
    }

    @Override
    public void sinkDeadLetters(DataStream<DeadLetter> stream) {
        stream.collectAsync(deadLetters);
    }

    /** All alerts; blocks until the (bounded) job has emitted them all. */
    List<Alert> alerts() throws Exception {
        return drain(alerts.getOutput());
    }

    /** All dead letters; blocks until the (bounded) job has emitted them all. */
    List<DeadLetter> deadLetters() throws Exception {
        return drain(deadLetters.getOutput());
    }

    private static <T> List<T> drain(CloseableIterator<T> iterator) throws Exception {
        List<T> items = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(items::add);
        }
        return items;
    }
}
