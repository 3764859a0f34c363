package io.polygraph.job.scoring;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The scoring operator's metrics: batch sizes and scoring times as histograms, scored records and
 * those whose raw score fell below or stayed at or above the threshold as counters (alerts are
 * counted by the alert policy, which may smooth or suppress).
 */
final class ScoringMetrics {

    /** Histograms keep this many recent samples. */
    private static final int HISTOGRAM_WINDOW = 1024;

    final Histogram batchSize;
    final Histogram batchScoringMillis;
    final Counter recordsScored;
    final Counter recordsBelowThreshold;
    final Counter recordsNormal;

    ScoringMetrics(MetricGroup metrics) {
        batchSize =
                metrics.histogram(
                        "batchSize", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        batchScoringMillis =
                metrics.histogram(
                        "batchScoringMillis", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        recordsScored = metrics.counter("recordsScored");
        recordsBelowThreshold = metrics.counter("recordsBelowThreshold");
        recordsNormal = metrics.counter("recordsNormal");
    }
}
