package io.polygraph.eval.report;

import static io.polygraph.eval.report.HtmlText.escape;
import static io.polygraph.eval.report.HtmlText.number;

import io.polygraph.eval.LabelledScores;
import io.polygraph.eval.MetricSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables of report.html: detectors compared on every metric, flagged share per label, every
 * run, the runs that failed, and each detector's configuration.
 *
 * <p>Contract: summary cells read "mean ± standard deviation" over runs (seeds, or the report's run
 * label), or the mean alone when there was one seed (the deviation is then undefined), and "n/a"
 * for NaN. All text from the evaluation is escaped.
 */
final class HtmlTables {

    private HtmlTables() {}

    /**
     * One row per detector: its number of successful runs, its failed runs when any detector has
     * some, then every {@link ReportMetric} as mean ± std over the successful runs.
     */
    static String comparison(List<DetectorEvaluation> detectors, String runLabel) {
        // Without failures the column would be all zeros: only shown when it says something.
        boolean anyFailed = detectors.stream().anyMatch(d -> !d.failedRuns().isEmpty());
        StringBuilder html =
                new StringBuilder("<table class=\"comparison\">\n<tr><th>Detector</th>");
        html.append("<th>Runs (").append(escape(runLabel)).append(")</th>");
        if (anyFailed) {
            html.append("<th>Failed runs</th>");
        }
        for (ReportMetric metric : ReportMetric.values()) {
            html.append("<th>").append(escape(metric.label())).append("</th>");
        }
        html.append("</tr>\n");
        for (DetectorEvaluation detector : detectors) {
            html.append("<tr><th>").append(escape(detector.name())).append("</th>");
            html.append("<td>").append(detector.runs().size()).append("</td>");
            if (anyFailed) {
                html.append("<td>").append(detector.failedRuns().size()).append("</td>");
            }
            for (ReportMetric metric : ReportMetric.values()) {
                cell(html, detector.summaryOf(metric), metric.decimals());
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    /**
     * One row per detector, one column per label: the share of its records flagged. Labels counted
     * as positives in any run are marked, since only those count in the headline metrics.
     */
    static String flaggedShareByType(List<DetectorEvaluation> detectors) {
        List<String> labels = labelsNormalLast(detectors);
        Set<String> positives = new TreeSet<>();
        detectors.forEach(
                d -> d.runs().forEach(r -> positives.addAll(r.metrics().positiveTypes())));
        StringBuilder html = new StringBuilder("<table class=\"by-type\">\n<tr><th>Detector</th>");
        for (String label : labels) {
            html.append("<th>").append(escape(label));
            if (positives.contains(label)) {
                html.append(" (positive)");
            }
            html.append("</th>");
        }
        html.append("</tr>\n");
        for (DetectorEvaluation detector : detectors) {
            html.append("<tr><th>").append(escape(detector.name())).append("</th>");
            for (String label : labels) {
                MetricSummary share = detector.flaggedShareByType().get(label);
                if (share == null) {
                    html.append("<td>&ndash;</td>");
                } else {
                    cell(html, share, 4);
                }
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    /** One row per run of every detector, with its raw figures, headed by the run label. */
    static String runs(List<DetectorEvaluation> detectors, String runLabel) {
        StringBuilder html = new StringBuilder("<table class=\"runs\">\n<tr><th>Detector</th>");
        html.append("<th>").append(escape(capitalised(runLabel))).append("</th>");
        for (ReportMetric metric : ReportMetric.values()) {
            html.append("<th>").append(escape(metric.label())).append("</th>");
        }
        html.append("</tr>\n");
        for (DetectorEvaluation detector : detectors) {
            for (SeedRun run : detector.runs()) {
                html.append("<tr><th>").append(escape(detector.name())).append("</th>");
                html.append("<td>").append(run.seed()).append("</td>");
                for (ReportMetric metric : ReportMetric.values()) {
                    // Counts of one run are whole numbers: no decimals for them.
                    int decimals = metric.decimals() == 1 ? 0 : metric.decimals();
                    html.append("<td>").append(number(metric.of(run), decimals)).append("</td>");
                }
                html.append("</tr>\n");
            }
        }
        return html.append("</table>\n").toString();
    }

    /** One row per failed run of every detector: its id, wall time and why it failed. */
    static String failedRuns(List<DetectorEvaluation> detectors, String runLabel) {
        StringBuilder html =
                new StringBuilder("<table class=\"failed-runs\">\n<tr><th>Detector</th>");
        html.append("<th>").append(escape(capitalised(runLabel))).append("</th>");
        html.append("<th>Wall time (s)</th><th>Reason</th></tr>\n");
        for (DetectorEvaluation detector : detectors) {
            for (FailedRun run : detector.failedRuns()) {
                html.append("<tr><th>").append(escape(detector.name())).append("</th>");
                html.append("<td>").append(run.seed()).append("</td>");
                html.append("<td>").append(number(run.wallTimeSeconds(), 1)).append("</td>");
                html.append("<td class=\"reason\">").append(escape(run.reason())).append("</td>");
                html.append("</tr>\n");
            }
        }
        return html.append("</table>\n").toString();
    }

    /** The configuration of {@code detector} as a two-column table. */
    static String config(DetectorEvaluation detector) {
        StringBuilder html = new StringBuilder("<table class=\"config\">\n");
        html.append("<caption>").append(escape(detector.name())).append("</caption>\n");
        for (Map.Entry<String, Object> entry : detector.config().entrySet()) {
            html.append("<tr><th>")
                    .append(escape(entry.getKey()))
                    .append("</th><td>")
                    .append(escape(String.valueOf(entry.getValue())))
                    .append("</td></tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void cell(StringBuilder html, MetricSummary summary, int decimals) {
        html.append("<td>").append(number(summary.mean(), decimals));
        if (summary.count() > 1) {
            html.append(" &plusmn; ").append(number(summary.standardDeviation(), decimals));
        }
        html.append("</td>");
    }

    private static List<String> labelsNormalLast(List<DetectorEvaluation> detectors) {
        TreeSet<String> sorted = new TreeSet<>();
        detectors.forEach(d -> sorted.addAll(d.flaggedShareByType().keySet()));
        List<String> labels = new ArrayList<>(sorted);
        // NORMAL last: its share is the false-alarm rate, read apart from the anomaly recalls.
        if (labels.remove(LabelledScores.NORMAL)) {
            labels.add(LabelledScores.NORMAL);
        }
        return labels;
    }
}
