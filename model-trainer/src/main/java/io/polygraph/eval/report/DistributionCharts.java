package io.polygraph.eval.report;

import io.polygraph.eval.LabelledScores;
import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The distribution charts of report.html: score histograms per class and sensitivity heat maps.
 *
 * <p>Contract: a detector's histogram shows its first run, one outline per label, each scaled to
 * the share of that label's records per bin, with the run's threshold as a dashed vertical line.
 * Shares rather than counts because anomalies are a few percent of the records: on a count axis
 * their bars would vanish next to NORMAL's. Outlines rather than filled bars so that overlapping
 * classes stay visible. A heat map shows each cell's value; NaN cells stay blank; when every cell
 * lies in [0, 1] the colour scale is fixed to [0, 1], otherwise it spans the cells' range.
 */
final class DistributionCharts {

    private DistributionCharts() {}

    /** Anomaly scores of the first run of {@code detector}, per label. */
    static XYChart scoreHistogram(DetectorEvaluation detector) {
        SeedRun run = detector.runs().get(0);
        ScoreHistogram histogram = run.scoreHistogram();
        XYChart chart =
                ChartImages.lineChart(
                        detector.name() + ": anomaly scores by class (seed " + run.seed() + ")",
                        "Anomaly score (higher is more anomalous)",
                        "Share of the class's records");
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        double highest = 0;
        for (String label : labelsNormalFirst(histogram)) {
            double[] shares = shares(histogram, label);
            for (double share : shares) {
                highest = Math.max(highest, share);
            }
            XYSeries series = outline(chart, label, histogram.binEdges(), shares);
            series.setMarker(SeriesMarkers.NONE);
        }
        double threshold = run.metrics().threshold();
        List<Double> edges = histogram.binEdges();
        if (threshold >= edges.get(0) && threshold <= edges.get(edges.size() - 1)) {
            XYSeries line =
                    chart.addSeries(
                            "threshold",
                            new double[] {threshold, threshold},
                            new double[] {0, highest});
            line.setMarker(SeriesMarkers.NONE);
            line.setLineStyle(SeriesLines.DASH_DASH);
            line.setLineColor(Color.BLACK);
        }
        return chart;
    }

    /** The heat map as a chart; empty when no cell holds a number. */
    static Optional<HeatMapChart> heatMap(HeatMap map) {
        List<Number[]> cells = new ArrayList<>();
        for (int row = 0; row < map.yValues().size(); row++) {
            for (int column = 0; column < map.xValues().size(); column++) {
                double value = map.values().get(row).get(column);
                if (!Double.isNaN(value)) {
                    cells.add(new Number[] {column, row, value});
                }
            }
        }
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        HeatMapChart chart =
                new HeatMapChartBuilder()
                        .width(ChartImages.WIDTH)
                        .height(ChartImages.HEIGHT)
                        .title(map.title())
                        .xAxisTitle(map.xName())
                        .yAxisTitle(map.yName())
                        .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        // A small value font keeps a 10 x 10 sweep legible at the report's chart size.
        chart.getStyler()
                .setShowValue(true)
                .setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11))
                .setHeatMapValueDecimalPattern("0.00");
        HeatMapSeries series =
                chart.addSeries(
                        map.title(), axisLabels(map.xValues()), axisLabels(map.yValues()), cells);
        if (cells.stream().allMatch(cell -> isRate(cell[2].doubleValue()))) {
            // Rates share one 0-1 colour scale, so precision and recall maps compare at a glance.
            series.setMin(0).setMax(1);
        }
        return Optional.of(chart);
    }

    /**
     * Draws one histogram as its outline: up the left edge, along each bin's top, down the right
     * edge. Plain line segments, so the picture does not depend on a step style's conventions.
     */
    private static XYSeries outline(
            XYChart chart, String label, List<Double> edges, double[] shares) {
        int bins = shares.length;
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        x[0] = edges.get(0);
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = edges.get(b);
            y[2 * b + 1] = shares[b];
            x[2 * b + 2] = edges.get(b + 1);
            y[2 * b + 2] = shares[b];
        }
        x[2 * bins + 1] = edges.get(bins);
        return chart.addSeries(label, x, y);
    }

    private static double[] shares(ScoreHistogram histogram, String label) {
        List<Long> counts = histogram.counts().get(label);
        double total = histogram.total(label);
        double[] shares = new double[counts.size()];
        for (int b = 0; b < shares.length; b++) {
            shares[b] = total == 0 ? 0 : counts.get(b) / total;
        }
        return shares;
    }

    private static List<String> labelsNormalFirst(ScoreHistogram histogram) {
        List<String> labels = new ArrayList<>(histogram.counts().keySet());
        if (labels.remove(LabelledScores.NORMAL)) {
            labels.add(0, LabelledScores.NORMAL);
        }
        return labels;
    }

    private static boolean isRate(double value) {
        return value >= 0 && value <= 1;
    }

    /**
     * Grid values as short labels: 4 significant digits, no trailing zeros, no exponent. A value
     * within a billionth of the grid's largest is printed "0": sweeps built by adding steps land on
     * 5.55e-17 where they meant 0.
     */
    private static List<String> axisLabels(List<Double> values) {
        double largest = values.stream().mapToDouble(Math::abs).max().orElse(0);
        return values.stream().map(v -> axisLabel(v, 1e-9 * largest)).toList();
    }

    private static String axisLabel(double value, double zero) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (Math.abs(value) <= zero) {
            return "0";
        }
        return new BigDecimal(String.format(Locale.ROOT, "%.4g", value))
                .stripTrailingZeros()
                .toPlainString();
    }
}
