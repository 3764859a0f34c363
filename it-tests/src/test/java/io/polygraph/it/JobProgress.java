package io.polygraph.it;

import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;

/**
 * One line on how far a job got, from its Flink metrics: completed and failed checkpoints,
 * restarts, records scored. For the message of a test that waited in vain.
 */
final class JobProgress {

    private JobProgress() {}

    static String describe(InMemoryReporter reporter, JobID job) {
        Map<String, Metric> metrics = reporter.getMetricsByIdentifiers(job);
        return "checkpoints completed "
                + gauge(metrics, "numberOfCompletedCheckpoints")
                + ", failed "
                + gauge(metrics, "numberOfFailedCheckpoints")
                + ", in progress "
                + gauge(metrics, "numberOfInProgressCheckpoints")
                + ", restarts "
                + gauge(metrics, "numRestarts")
                + ", scored "
                + counter(metrics, "polygraph.recordsScored")
                + ", joined complete "
                + counter(metrics, "polygraph.joinedComplete")
                + ", late transactions "
                + counter(metrics, "lateRecords.transaction")
                + ", source positions "
                + sourcePositions(metrics);
    }

    /**
     * The Kafka source readers' {@code currentOffset} gauges, one per topic partition a reader
     * holds: where each partition's reading stands.
     */
    private static String sourcePositions(Map<String, Metric> metrics) {
        Map<String, Object> positions = new TreeMap<>();
        String marker = "KafkaSourceReader.topic.";
        metrics.forEach(
                (id, metric) -> {
                    int at = id.indexOf(marker);
                    if (at >= 0 && id.endsWith(".currentOffset") && metric instanceof Gauge<?> g) {
                        String partition =
                                id.substring(
                                        at + marker.length(),
                                        id.length() - ".currentOffset".length());
                        positions.put(partition, g.getValue());
                    }
                });
        return positions.toString();
    }

    private static long gauge(Map<String, Metric> metrics, String name) {
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().endsWith("." + name))
                .filter(e -> e.getValue() instanceof Gauge)
                .map(e -> ((Gauge<?>) e.getValue()).getValue())
                .filter(Number.class::isInstance)
                .mapToLong(v -> ((Number) v).longValue())
                .max()
                .orElse(-1);
    }

    private static long counter(Map<String, Metric> metrics, String name) {
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().endsWith("." + name))
                .filter(e -> e.getValue() instanceof Counter)
                .mapToLong(e -> ((Counter) e.getValue()).getCount())
                .sum();
    }
}
