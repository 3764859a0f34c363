package io.polygraph.eval.report;

import java.util.function.ToDoubleFunction;

/**
 * The per-run figures that are summarised over seeds and compared between detectors.
 *
 * <p>Contract: {@link #key()} names the metric in report.json's summaries and never changes once
 * released (readers key on it); {@link #label()} is for people. One enum serves the statistics and
 * the HTML table, so the two cannot list different metrics.
 */
public enum ReportMetric {
    AUROC("auroc", "AUROC", 4, run -> run.metrics().auroc()),
    AUPRC("auprc", "AUPRC", 4, run -> run.metrics().auprc()),
    PRECISION("precision", "Precision", 4, run -> run.metrics().precision()),
    RECALL("recall", "Recall", 4, run -> run.metrics().recall()),
    F1("f1", "F1", 4, run -> run.metrics().f1()),
    ACCURACY("accuracy", "Accuracy", 4, run -> run.metrics().accuracy()),
    FALSE_POSITIVE_RATE("falsePositiveRate", "FPR", 4, run -> run.metrics().falsePositiveRate()),
    TRUE_POSITIVES("truePositives", "TP", 1, run -> run.metrics().confusion().truePositives()),
    FALSE_POSITIVES("falsePositives", "FP", 1, run -> run.metrics().confusion().falsePositives()),
    TRUE_NEGATIVES("trueNegatives", "TN", 1, run -> run.metrics().confusion().trueNegatives()),
    FALSE_NEGATIVES("falseNegatives", "FN", 1, run -> run.metrics().confusion().falseNegatives()),
    THRESHOLD("threshold", "Threshold", 4, run -> run.metrics().threshold()),
    WALL_TIME_SECONDS("wallTimeSeconds", "Wall time (s)", 2, SeedRun::wallTimeSeconds);

    private final String key;
    private final String label;
    private final int decimals;
    private final ToDoubleFunction<SeedRun> value;

    ReportMetric(String key, String label, int decimals, ToDoubleFunction<SeedRun> value) {
        this.key = key;
        this.label = label;
        this.decimals = decimals;
        this.value = value;
    }

    /** The metric's name in report.json. */
    public String key() {
        return key;
    }

    /** The metric's column heading in report.html. */
    public String label() {
        return label;
    }

    /**
     * Decimals shown in report.html: four for rates, one for counts (their means over seeds are
     * fractional), two for seconds.
     */
    public int decimals() {
        return decimals;
    }

    /** The metric's value in one run. */
    public double of(SeedRun run) {
        return value.applyAsDouble(run);
    }
}
