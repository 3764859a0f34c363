package io.polygraph.it;

import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;

/**
 * The job's own Flink metrics, read through Flink's {@link InMemoryReporter} registered with the
 * MiniCluster: the same counters a production reporter would export, summed over subtasks.
 *
 * <p>Metric identifiers end with the group and counter names the job registers ({@code
 * polygraph.recordsScored}, {@code polygraph.deadLettered.<RULE>}); the job-level {@code
 * numRestarts} gauge comes from the job master.
 */
final class JobCounters {

    private final Map<String, Metric> metrics;

    private JobCounters(Map<String, Metric> metrics) {
        this.metrics = metrics;
    }

    /** A snapshot of the metric objects of {@code job}; their values are read live. */
    static JobCounters of(InMemoryReporter reporter, JobID job) {
        return new JobCounters(reporter.getMetricsByIdentifiers(job));
    }

    /** The sum over all subtasks of the counter whose identifier ends with {@code suffix}. */
    long sum(String suffix) {
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().endsWith("." + suffix))
                .filter(e -> e.getValue() instanceof Counter)
                .mapToLong(e -> ((Counter) e.getValue()).getCount())
                .sum();
    }

    /** The non-zero {@code polygraph.deadLettered.<RULE>} counters, summed by rule. */
    Map<String, Long> deadLetteredByRule() {
        String marker = ".polygraph.deadLettered.";
        Map<String, Long> byRule = new TreeMap<>();
        metrics.forEach(
                (id, metric) -> {
                    int at = id.lastIndexOf(marker);
                    if (at >= 0 && metric instanceof Counter counter && counter.getCount() > 0) {
                        byRule.merge(
                                id.substring(at + marker.length()), counter.getCount(), Long::sum);
                    }
                });
        return byRule;
    }

    /** The job's restart count as the job master reports it, or -1 when it is not registered. */
    long numRestarts() {
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().endsWith(".numRestarts"))
                .filter(e -> e.getValue() instanceof Gauge)
                .mapToLong(e -> ((Number) ((Gauge<?>) e.getValue()).getValue()).longValue())
                .max()
                .orElse(-1);
    }
}
