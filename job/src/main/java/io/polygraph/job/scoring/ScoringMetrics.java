package io.polygraph.job.scoring;

import io.polygraph.detector.ModelInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The scoring operator's metrics: the loaded model's name and version (as labels of a gauge), batch
 * sizes and scoring times as histograms, scored records and those whose raw score fell below or
 * stayed at or above the threshold as counters (alerts are counted by the alert policy, which may
 * smooth or suppress).
 */
final class ScoringMetrics {

    /** Histograms keep this many recent samples. */
    private static final int HISTOGRAM_WINDOW = 1024;

    final Histogram batchSize;
    final Histogram batchScoringMillis;
    final Counter recordsScored;
    final Counter recordsBelowThreshold;
    final Counter recordsNormal;

    /**
     * @param model the model this subtask scores with: its name and version become labels of a
     *     {@code modelLoaded} gauge (always 1), since reporters such as Prometheus export numbers
     *     only, so a dashboard can show which version every subtask runs
     */
    ScoringMetrics(MetricGroup metrics, ModelInfo model) {
        metrics.addGroup("model", model.name())
                .addGroup("modelVersion", model.version())
                .gauge("modelLoaded", () -> 1);
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
