package io.polygraph.it;

import java.util.ArrayList;
import java.util.List;
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

    private final List<Map.Entry<String, Metric>> metrics;

    private JobCounters(List<Map.Entry<String, Metric>> metrics) {
        this.metrics = metrics;
    }

    /**
     * A snapshot of the metric objects of {@code job}; their values are read live.
     *
     * <p>Read group by group rather than with {@link InMemoryReporter#getMetricsByIdentifiers},
     * which fails on a duplicate identifier: a reporter that retains metrics keeps those of every
     * earlier attempt of a restarted task, under the same identifiers as the current attempt's (and
     * a task of a terminated TaskManager may still be registered when its successor is). Counters
     * are therefore summed over all attempts a retaining reporter remembers.
     */
    static JobCounters of(InMemoryReporter reporter, JobID job) {
        String jobId = job.toString();
        List<Map.Entry<String, Metric>> metrics = new ArrayList<>();
        reporter.getMetricsByGroup()
                .forEach(
                        (group, byName) -> {
                            if (jobId.equals(group.getAllVariables().get("<job_id>"))) {
                                byName.forEach(
                                        (name, metric) ->
                                                metrics.add(
                                                        Map.entry(
                                                                group.getMetricIdentifier(name),
                                                                metric)));
                            }
                        });
        return new JobCounters(metrics);
    }

    /** The sum over all subtasks of the counter whose identifier ends with {@code suffix}. */
    long sum(String suffix) {
        return metrics.stream()
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
                entry -> {
                    String id = entry.getKey();
                    Metric metric = entry.getValue();
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
        return jobGauge("numRestarts");
    }

    /** The job's completed checkpoints as the job master reports them, or -1 before registered. */
    long completedCheckpoints() {
        return jobGauge("numberOfCompletedCheckpoints");
    }

    private long jobGauge(String name) {
        return metrics.stream()
                .filter(e -> e.getKey().endsWith("." + name))
                .filter(e -> e.getValue() instanceof Gauge)
                .mapToLong(e -> ((Number) ((Gauge<?>) e.getValue()).getValue()).longValue())
                .max()
                .orElse(-1);
    }
}
