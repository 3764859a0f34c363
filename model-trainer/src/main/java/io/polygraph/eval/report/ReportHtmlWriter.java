package io.polygraph.eval.report;

import static io.polygraph.eval.report.HtmlText.escape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a {@link DatasetEvaluation} as report.html: one self-contained page a person can open.
 *
 * <p>Contract: the page holds, in order, the dataset, a table comparing detectors on every metric
 * (mean ± sample standard deviation over runs: seeds, or what the report's {@link
 * DatasetEvaluation#runLabel()} names), the runs that failed if any, the share flagged per label,
 * ROC and precision-recall curves (first run of each detector, see {@link CurveCharts}), score
 * histograms per class, training-loss curves, sensitivity heat maps when there are any, every run,
 * and each detector's configuration. It loads nothing: CSS is inline, charts are PNG {@code data:}
 * URIs, and there is no script. All text from the evaluation is escaped. Charts need AWT: loading
 * this class asks for headless mode, see {@link ChartImages#preferHeadless()}.
 *
 * <p>Trade-off: PNG charts make the page larger (tens of KB per chart) and not zoomable, but it
 * opens anywhere, offline, and can be attached to an issue as one file.
 */
public final class ReportHtmlWriter {

    static {
        ChartImages.preferHeadless();
    }

    private static final String STYLE =
            "body{font-family:system-ui,sans-serif;margin:2em;max-width:1400px;color:#222}"
                    + "table{border-collapse:collapse;margin:1em 0;font-size:0.9em}"
                    + "th,td{border:1px solid #ccc;padding:0.3em 0.6em;text-align:right}"
                    + "tr>th:first-child{text-align:left}caption{font-weight:bold;text-align:left}"
                    + "figure{display:inline-block;margin:0.5em}p.note{color:#555;max-width:60em}";

    private static final String MISSING_CLASS =
            "no detector's first run had both normal and positive records";

    /** The page as HTML text. */
    public String render(DatasetEvaluation evaluation) {
        Objects.requireNonNull(evaluation, "evaluation");
        List<DetectorEvaluation> detectors = evaluation.detectors();
        StringBuilder html = new StringBuilder(256 * 1024);
        String title = "Evaluation on " + evaluation.dataset();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>")
                .append(escape(title))
                .append("</title>\n<style>")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>")
                .append(escape(title))
                .append("</h1>\n<p>")
                .append(escape(evaluation.description()))
                .append("</p>\n");
        String runLabel = evaluation.runLabel();
        // Charts draw runs; a detector all of whose runs failed has none and is in the tables only.
        List<DetectorEvaluation> charted =
                detectors.stream().filter(detector -> !detector.runs().isEmpty()).toList();
        if (!detectors.isEmpty()) {
            appendTables(html, detectors, runLabel);
        }
        if (!charted.isEmpty()) {
            appendCharts(html, charted, runLabel);
        }
        appendHeatMaps(html, evaluation.heatMaps());
        if (!detectors.isEmpty()) {
            section(html, "Every run");
            html.append(HtmlTables.runs(detectors, runLabel));
            section(html, "Configuration");
            detectors.forEach(detector -> html.append(HtmlTables.config(detector)));
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** Writes the page to {@code file} in UTF-8, replacing it. */
    public void write(DatasetEvaluation evaluation, Path file) throws IOException {
        Files.writeString(file, render(evaluation), StandardCharsets.UTF_8);
    }

    private static void appendTables(
            StringBuilder html, List<DetectorEvaluation> detectors, String runLabel) {
        section(html, "Detectors compared");
        note(
                html,
                "Mean ± sample standard deviation over runs (one run per "
                        + runLabel
                        + "). A record is flagged when its anomaly"
                        + " score is above the threshold. Headline metrics count NORMAL records as"
                        + " negatives and the positive types as positives; records of other types"
                        + " are left out of them. Accuracy is (TP + TN) / N over those records.");
        html.append(HtmlTables.comparison(detectors, runLabel));
        if (detectors.stream().anyMatch(detector -> !detector.failedRuns().isEmpty())) {
            section(html, "Runs that failed");
            note(
                    html,
                    "These runs produced no model to test (training diverged, for example); the"
                            + " metrics above are over the other runs only.");
            html.append(HtmlTables.failedRuns(detectors, runLabel));
        }
        section(html, "Share flagged per type");
        note(html, "Recall for anomaly types; for NORMAL, the false alarm rate.");
        html.append(HtmlTables.flaggedShareByType(detectors));
    }

    private static void appendCharts(
            StringBuilder html, List<DetectorEvaluation> detectors, String runLabel) {
        section(html, "ROC and precision-recall curves");
        note(
                html,
                "Curves of each detector's first run (first "
                        + runLabel
                        + "); the spread over runs is in the table above.");
        figure(html, "roc", CurveCharts.roc(detectors), "ROC curves", MISSING_CLASS);
        figure(
                html,
                "pr",
                CurveCharts.precisionRecall(detectors),
                "Precision-recall curves",
                MISSING_CLASS);
        section(html, "Score distributions");
        note(html, "Each class scaled to its own records, so rare anomaly types stay visible.");
        for (DetectorEvaluation detector : detectors) {
            figure(
                    html,
                    "histogram",
                    Optional.of(DistributionCharts.scoreHistogram(detector)),
                    detector.name() + " score histogram",
                    "");
        }
        // Detectors that do not train (no loss series at all) get no empty placeholder.
        if (detectors.stream().anyMatch(ReportHtmlWriter::hasLoss)) {
            section(html, "Training loss");
            for (DetectorEvaluation detector :
                    detectors.stream().filter(ReportHtmlWriter::hasLoss).toList()) {
                figure(
                        html,
                        "loss",
                        CurveCharts.trainingLoss(detector),
                        detector.name() + " training loss",
                        "no finite loss recorded");
            }
        }
    }

    private static boolean hasLoss(DetectorEvaluation detector) {
        return detector.runs().stream().anyMatch(run -> !run.trainingLoss().isEmpty());
    }

    private static void appendHeatMaps(StringBuilder html, List<HeatMap> heatMaps) {
        if (heatMaps.isEmpty()) {
            return;
        }
        section(html, "Sensitivity");
        for (HeatMap map : heatMaps) {
            figure(
                    html,
                    "heatmap",
                    DistributionCharts.heatMap(map),
                    map.title(),
                    "every cell is NaN");
        }
    }

    private static void figure(
            StringBuilder html,
            String kind,
            Optional<? extends Chart<?, ?>> chart,
            String alt,
            String whyNone) {
        if (chart.isEmpty()) {
            note(html, alt + ": nothing to draw (" + whyNone + ").");
            return;
        }
        html.append("<figure class=\"chart ")
                .append(kind)
                .append("\"><img src=\"")
                .append(ChartImages.pngDataUri(chart.get()))
                .append("\" alt=\"")
                .append(escape(alt))
                .append("\" width=\"")
                .append(ChartImages.WIDTH)
                .append("\" height=\"")
                .append(ChartImages.HEIGHT)
                .append("\"></figure>\n");
    }

    private static void section(StringBuilder html, String heading) {
        html.append("<h2>").append(escape(heading)).append("</h2>\n");
    }

    private static void note(StringBuilder html, String text) {
        html.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
    }
}
