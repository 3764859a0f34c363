package io.polygraph.eval.report;

import io.polygraph.eval.LabelledScores;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The distribution of one run's anomaly scores, one count series per label over shared bins.
 *
 * <p>Contract: {@code binEdges} has one more entry than every count list; bin {@code b} holds
 * scores in {@code [binEdges[b], binEdges[b+1])}, the last bin also its upper edge. The bins span
 * the run's lowest to highest score over all labels, so every record is counted once.
 *
 * <p>Trade-off: the report stores these counts instead of the raw per-record scores, which can run
 * to hundreds of thousands; the curves and metrics are computed from the raw scores first, so only
 * the picture is binned.
 *
 * @param binEdges ascending bin edges
 * @param counts per label (NORMAL or an anomaly type): records per bin
 */
public record ScoreHistogram(List<Double> binEdges, Map<String, List<Long>> counts) {

    /**
     * Bins of the report's histograms: fine enough to show overlap, coarse enough for few
     * anomalies.
     */
    public static final int DEFAULT_BINS = 40;

    public ScoreHistogram {
        binEdges = List.copyOf(binEdges);
        Map<String, List<Long>> copy = new TreeMap<>();
        counts.forEach((label, series) -> copy.put(label, List.copyOf(series)));
        for (Map.Entry<String, List<Long>> entry : copy.entrySet()) {
            if (entry.getValue().size() != binEdges.size() - 1) {
                throw new IllegalArgumentException(
                        "histogram of '" + entry.getKey() + "' does not match the bin edges");
            }
        }
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(copy));
    }

    /** Bins the scores of {@code scores} into {@code bins} equal-width bins. */
    public static ScoreHistogram of(LabelledScores scores, int bins) {
        Objects.requireNonNull(scores, "scores");
        if (bins < 1) {
            throw new IllegalArgumentException("at least one bin is needed");
        }
        double[] values = scores.anomalyScores();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            low = Math.min(low, value);
            high = Math.max(high, value);
        }
        if (!(low < high)) {
            // No records, or all tied: a unit-wide range around the one score still draws a bar.
            double centre = values.length == 0 ? 0 : low;
            low = centre - 0.5;
            high = centre + 0.5;
        }
        double width = (high - low) / bins;
        List<Double> edges = new ArrayList<>(bins + 1);
        for (int b = 0; b <= bins; b++) {
            edges.add(b == bins ? high : low + b * width);
        }
        Map<String, long[]> perLabel = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            int bin = Math.min(bins - 1, (int) ((values[i] - low) / width));
            perLabel.computeIfAbsent(scores.labels().get(i), label -> new long[bins])[bin]++;
        }
        Map<String, List<Long>> counts = new TreeMap<>();
        perLabel.forEach((label, series) -> counts.put(label, boxed(series)));
        return new ScoreHistogram(edges, counts);
    }

    /** Records of {@code label} over all bins. */
    public long total(String label) {
        return counts.getOrDefault(label, List.of()).stream().mapToLong(Long::longValue).sum();
    }

    private static List<Long> boxed(long[] series) {
        List<Long> list = new ArrayList<>(series.length);
        for (long count : series) {
            list.add(count);
        }
        return list;
    }
}
