package io.polygraph.job.scoring;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.EnrolmentCanvases;
import io.polygraph.detector.ModelInfo;
import io.polygraph.job.model.RejectionReason;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The scoring operator's metrics: which model (and shadow model) scores, as labels of gauges; batch
 * sizes and scoring times as histograms; scored records and those whose raw score fell below or
 * stayed at or above the threshold as counters (alerts are counted by the alert policy, which may
 * smooth or suppress); model swaps, and refused announcements in total and by reason ({@code
 * modelRejected.<REASON>}); shadow scores and shadow failures.
 */
final class ScoringMetrics {

    /** Histograms keep this many recent samples. */
    private static final int HISTOGRAM_WINDOW = 1024;

    private final MetricGroup metrics;
    private final Map<String, String> currentVersions = new HashMap<>();
    private final Set<String> registeredGauges = new HashSet<>();

    final Histogram batchSize;
    final Histogram batchScoringMillis;
    final Counter recordsScored;
    final Counter recordsBelowThreshold;
    final Counter recordsNormal;
    final Counter modelSwaps;
    final Counter modelRejections;
    final Map<RejectionReason, Counter> modelRejectionsByReason =
            new EnumMap<>(RejectionReason.class);
    final Counter shadowRecordsScored;
    final Counter shadowScoringFailures;

    ScoringMetrics(MetricGroup metrics) {
        this.metrics = metrics;
        batchSize =
                metrics.histogram(
                        "batchSize", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        batchScoringMillis =
                metrics.histogram(
                        "batchScoringMillis", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        recordsScored = metrics.counter("recordsScored");
        recordsBelowThreshold = metrics.counter("recordsBelowThreshold");
        recordsNormal = metrics.counter("recordsNormal");
        modelSwaps = metrics.counter("modelSwaps");
        modelRejections = metrics.counter("modelRejections");
        for (RejectionReason reason : RejectionReason.values()) {
            modelRejectionsByReason.put(reason, metrics.counter("modelRejected." + reason.name()));
        }
        shadowRecordsScored = metrics.counter("shadowRecordsScored");
        shadowScoringFailures = metrics.counter("shadowScoringFailures");
    }

    /**
     * Reports the enrolment signature canvases that the primary scorer keeps between batches, as
     * gauges {@code enrolmentCanvasHits} and {@code enrolmentCanvasMisses} (lookups since that
     * scorer was loaded: a model swap starts them again) and {@code enrolmentCanvasesKept}; all
     * read 0 for a scorer that keeps none. A low share of hits means more enrolments are active
     * than are kept.
     */
    void watchEnrolmentCanvases(Supplier<BatchScorer> primary) {
        metrics.gauge(
                "enrolmentCanvasHits", () -> kept(primary).map(EnrolmentCanvases::hits).orElse(0L));
        metrics.gauge(
                "enrolmentCanvasMisses",
                () -> kept(primary).map(EnrolmentCanvases::misses).orElse(0L));
        metrics.gauge(
                "enrolmentCanvasesKept",
                () -> kept(primary).map(EnrolmentCanvases::size).orElse(0));
    }

    private static Optional<EnrolmentCanvases> kept(Supplier<BatchScorer> primary) {
        return primary.get().enrolmentCanvases();
    }

    /**
     * Marks {@code model} as the one scoring in role {@code gauge} ({@code modelLoaded} for the
     * primary, {@code shadowModelLoaded} for the shadow): a gauge with the model's name and version
     * as labels reads 1 while it scores and 0 after it was swapped out, since reporters such as
     * Prometheus export numbers only and metric groups cannot be removed.
     */
    void nowScoring(String gauge, ModelInfo model) {
        String version = model.version();
        currentVersions.put(gauge, version);
        if (registeredGauges.add(gauge + '\n' + model.name() + '\n' + version)) {
            metrics.addGroup("model", model.name())
                    .addGroup("modelVersion", version)
                    .gauge(gauge, () -> version.equals(currentVersions.get(gauge)) ? 1 : 0);
        }
    }

    /** Counts a refused announcement, in total and by reason. */
    void rejected(RejectionReason reason) {
        modelRejections.inc();
        modelRejectionsByReason.get(reason).inc();
    }
}
