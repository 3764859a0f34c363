package io.polygraph.eval.report;

import io.polygraph.eval.Curve;
import io.polygraph.eval.CurvePoint;
import java.awt.Color;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The line charts of report.html: ROC and precision-recall curves comparing detectors, and each
 * detector's training loss.
 *
 * <p>Contract: the ROC and PR charts draw, per detector, the curve of its <em>first</em> run (the
 * first seed in run order), because the stored curves are per run and pooling scores of differently
 * trained models would draw a curve no model has; the spread over seeds is in the comparison table.
 * Detectors whose curve is undefined (a class missing) are left out; a chart with nothing to draw
 * is not made (empty {@link Optional}). Loss charts draw every seed, since convergence differences
 * between seeds are what they are for.
 */
final class CurveCharts {

    private CurveCharts() {}

    /** ROC curves of the first run of every detector, with the chance diagonal. */
    static Optional<XYChart> roc(List<DetectorEvaluation> detectors) {
        XYChart chart =
                unitSquare(
                        "ROC curves (first seed of each detector)",
                        "False positive rate",
                        "True positive rate");
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
        if (!addFirstRunCurves(chart, detectors, SeedRun::roc)) {
            return Optional.empty();
        }
        XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        dashedGrey(chance);
        return Optional.of(chart);
    }

    /** Precision-recall curves of the first run of every detector, with the positive share. */
    static Optional<XYChart> precisionRecall(List<DetectorEvaluation> detectors) {
        XYChart chart =
                unitSquare(
                        "Precision-recall curves (first seed of each detector)",
                        "Recall",
                        "Precision");
        chart.getStyler().setLegendPosition(LegendPosition.InsideSW);
        if (!addFirstRunCurves(chart, detectors, SeedRun::precisionRecall)) {
            return Optional.empty();
        }
        // A ranking no better than chance has precision equal to the positives' share; every
        // detector is tested on the same dataset, so the first run's share stands for all.
        double share = positiveShare(detectors.get(0).runs().get(0));
        dashedGrey(
                chart.addSeries(
                        "chance (positive share)",
                        new double[] {0, 1},
                        new double[] {share, share}));
        return Optional.of(chart);
    }

    /** Every loss series of every run of {@code detector}; empty when it recorded none. */
    static Optional<XYChart> trainingLoss(DetectorEvaluation detector) {
        XYChart chart = ChartImages.lineChart(detector.name() + ": training loss", "Epoch", "Loss");
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        boolean drawn = false;
        for (SeedRun run : detector.runs()) {
            for (LossCurve curve : run.trainingLoss()) {
                // NaN and infinite losses would break the axis range; the JSON keeps them.
                List<LossCurve.EpochLoss> finite =
                        curve.points().stream().filter(p -> Double.isFinite(p.loss())).toList();
                if (!finite.isEmpty()) {
                    String name = curve.name() + " (seed " + run.seed() + ")";
                    plain(
                            chart.addSeries(
                                    name,
                                    finite.stream()
                                            .mapToDouble(LossCurve.EpochLoss::epoch)
                                            .toArray(),
                                    finite.stream()
                                            .mapToDouble(LossCurve.EpochLoss::loss)
                                            .toArray()));
                    drawn = true;
                }
            }
        }
        return drawn ? Optional.of(chart) : Optional.empty();
    }

    private static boolean addFirstRunCurves(
            XYChart chart, List<DetectorEvaluation> detectors, Function<SeedRun, Curve> curveOf) {
        boolean drawn = false;
        for (DetectorEvaluation detector : detectors) {
            SeedRun first = detector.runs().get(0);
            List<CurvePoint> points = curveOf.apply(first).points();
            if (!points.isEmpty()) {
                plain(
                        chart.addSeries(
                                detector.name(),
                                points.stream().mapToDouble(CurvePoint::x).toArray(),
                                points.stream().mapToDouble(CurvePoint::y).toArray()));
                drawn = true;
            }
        }
        return drawn;
    }

    private static double positiveShare(SeedRun run) {
        long positives =
                run.metrics().confusion().truePositives()
                        + run.metrics().confusion().falseNegatives();
        long evaluated = run.metrics().evaluated();
        return evaluated == 0 ? 0 : (double) positives / evaluated;
    }

    private static XYChart unitSquare(String title, String xTitle, String yTitle) {
        XYChart chart = ChartImages.lineChart(title, xTitle, yTitle);
        chart.getStyler()
                .setXAxisMin(0.0)
                .setXAxisMax(1.0)
                .setYAxisMin(0.0)
                .setYAxisMax(1.0)
                .setXAxisDecimalPattern("0.0")
                .setYAxisDecimalPattern("0.0");
        return chart;
    }

    private static void plain(XYSeries series) {
        series.setMarker(SeriesMarkers.NONE);
    }

    private static void dashedGrey(XYSeries series) {
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(SeriesLines.DASH_DASH);
        series.setLineColor(Color.GRAY);
    }
}
