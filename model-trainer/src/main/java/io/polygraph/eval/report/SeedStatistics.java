package io.polygraph.eval.report;

import io.polygraph.eval.EvaluationReport.TypeRecall;
import io.polygraph.eval.MetricSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mean and sample standard deviation over seeds of every {@link ReportMetric} and of every label's
 * flagged share.
 *
 * <p>Contract: metric summaries are keyed by {@link ReportMetric#key()} in enum order. A label's
 * flagged share (recall of an anomaly type, alert rate of NORMAL) is summarised over the runs whose
 * test set held that label, so its {@code count} can be below the number of seeds; every other
 * summary counts every run. NaN propagates, see {@link MetricSummary}.
 */
public final class SeedStatistics {

    private SeedStatistics() {}

    /** Every metric of {@code runs}, summarised. */
    public static Map<String, MetricSummary> metrics(List<SeedRun> runs) {
        Map<String, MetricSummary> summary = new LinkedHashMap<>();
        for (ReportMetric metric : ReportMetric.values()) {
            summary.put(
                    metric.key(),
                    MetricSummary.of(runs.stream().mapToDouble(metric::of).toArray()));
        }
        return Collections.unmodifiableMap(summary);
    }

    /** Every label's flagged share over the runs that saw it, labels sorted. */
    public static Map<String, MetricSummary> flaggedShareByType(List<SeedRun> runs) {
        Map<String, List<Double>> shares = new TreeMap<>();
        for (SeedRun run : runs) {
            for (Map.Entry<String, TypeRecall> entry : run.metrics().byType().entrySet()) {
                shares.computeIfAbsent(entry.getKey(), label -> new ArrayList<>())
                        .add(entry.getValue().flaggedShare());
            }
        }
        Map<String, MetricSummary> summary = new LinkedHashMap<>();
        shares.forEach((label, values) -> summary.put(label, MetricSummary.of(values)));
        return Collections.unmodifiableMap(summary);
    }
}
