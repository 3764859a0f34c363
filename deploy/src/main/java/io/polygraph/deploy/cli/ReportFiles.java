package io.polygraph.deploy.cli;

import io.polygraph.eval.MetricSummary;
import io.polygraph.eval.report.DatasetEvaluation;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.ReportHtmlWriter;
import io.polygraph.eval.report.ReportJsonWriter;
import io.polygraph.eval.report.ReportMetric;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an evaluation as {@code report.json} and {@code report.html} into a folder and prints each
 * detector's metrics (mean and standard deviation over its runs, and how many failed) to the
 * console.
 */
final class ReportFiles {

    private final Path folder;

    ReportFiles(Path folder) {
        this.folder = folder;
    }

    void write(DatasetEvaluation evaluation, PrintStream console) throws IOException {
        Files.createDirectories(folder);
        Path json = folder.resolve("report.json");
        Path html = folder.resolve("report.html");
        new ReportJsonWriter().write(evaluation, json);
        new ReportHtmlWriter().write(evaluation, html);
        for (DetectorEvaluation detector : evaluation.detectors()) {
            console.printf(
                    "%s over %d runs (one per %s)%s:%n",
                    detector.name(),
                    detector.runs().size(),
                    evaluation.runLabel(),
                    detector.failedRuns().isEmpty()
                            ? ""
                            : ", " + detector.failedRuns().size() + " failed");
            for (ReportMetric metric : ReportMetric.values()) {
                MetricSummary summary = detector.summaryOf(metric);
                String format = "%." + metric.decimals() + "f";
                console.printf(
                        "  %-14s %s +- %s%n",
                        metric.label(),
                        String.format(format, summary.mean()),
                        String.format(format, summary.standardDeviation()));
            }
        }
        console.printf("Wrote %s and %s%n", json.toAbsolutePath(), html.toAbsolutePath());
    }
}
