package io.polygraph.eval.report;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything an evaluation found on one dataset: the detectors compared there and any sensitivity
 * heat maps; the content of report.json and report.html.
 *
 * <p>Contract: detector names are unique, since they key the table rows and the chart legends.
 * {@code formatVersion} is {@link #FORMAT_VERSION} for reports made by this code and is checked
 * when report.json is read, so a reader never guesses at a layout it does not know.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * DatasetEvaluation evaluation = DatasetEvaluation.of(
 *         "world-v3", "synthetic world, 10k customers, 2% injected anomalies",
 *         List.of(DetectorEvaluation.of("CMAD", config, runs)),
 *         List.of());
 * new ReportJsonWriter().write(evaluation, dir.resolve("report.json"));
 * new ReportHtmlWriter().write(evaluation, dir.resolve("report.html"));
 * }</pre>
 *
 * @param formatVersion the layout version of report.json
 * @param dataset the dataset's name
 * @param description what the dataset is, for people
 * @param detectors one entry per detector compared
 * @param heatMaps sensitivity sweeps, possibly none
 * @param runLabel what tells a detector's runs apart, in the singular: {@value #SEED_RUNS} (each
 *     run another seed) unless the protocol says otherwise, for example {@code "held-out digit"}
 *     when each run leaves another class out; absent from version-1 reports, whose runs are seeds
 */
public record DatasetEvaluation(
        int formatVersion,
        String dataset,
        String description,
        List<DetectorEvaluation> detectors,
        List<HeatMap> heatMaps,
        String runLabel) {

    /** The layout version written by this code. */
    public static final int FORMAT_VERSION = 2;

    /** The oldest layout version still read: version 1 lacks {@link #runLabel}. */
    public static final int OLDEST_READABLE_VERSION = 1;

    /** The {@link #runLabel} of reports whose runs differ by seed. */
    public static final String SEED_RUNS = "seed";

    public DatasetEvaluation {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(description, "description");
        if (runLabel == null || runLabel.isBlank()) {
            runLabel = SEED_RUNS;
        }
        detectors = List.copyOf(detectors);
        heatMaps = List.copyOf(heatMaps);
        Set<String> names = new HashSet<>();
        for (DetectorEvaluation detector : detectors) {
            if (!names.add(detector.name())) {
                throw new IllegalArgumentException(
                        "dataset '" + dataset + "' lists detector '" + detector.name() + "' twice");
            }
        }
    }

    /** An evaluation in the current format whose runs differ by seed. */
    public static DatasetEvaluation of(
            String dataset,
            String description,
            List<DetectorEvaluation> detectors,
            List<HeatMap> heatMaps) {
        return new DatasetEvaluation(
                FORMAT_VERSION, dataset, description, detectors, heatMaps, SEED_RUNS);
    }

    /**
     * An evaluation in the current format whose runs differ by {@code runLabel}; each run's {@link
     * SeedRun#seed()} then holds that value (for example the held-out digit).
     */
    public static DatasetEvaluation withRuns(
            String runLabel,
            String dataset,
            String description,
            List<DetectorEvaluation> detectors) {
        return new DatasetEvaluation(
                FORMAT_VERSION, dataset, description, detectors, List.of(), runLabel);
    }
}
