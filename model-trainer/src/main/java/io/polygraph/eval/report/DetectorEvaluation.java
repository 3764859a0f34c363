package io.polygraph.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polygraph.eval.MetricSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One detector evaluated on one dataset over one or several seeds: its configuration, every run,
 * the mean and standard deviation of each metric over the runs, and the runs that failed.
 *
 * <p>Contract: there is at least one run, successful or failed, and run ids (seeds) are distinct
 * over both lists; the summaries cover the successful runs only, and are NaN with a count of 0 when
 * every run failed (the detector is still reported). {@code config} holds JSON-able values only
 * (strings, numbers, booleans, lists and maps of those), kept in the caller's order. The summaries
 * are computed by {@link #of} and stored so that report.json readers need not recompute them; the
 * canonical constructor accepts them as given, which is what reading report.json back needs.
 *
 * @param name the detector's name, unique within a report
 * @param config the configuration it was trained with
 * @param runs one run per seed, in the order they were run
 * @param summary per {@link ReportMetric#key()}: mean and standard deviation over runs
 * @param flaggedShareByType per label: mean and standard deviation of the share flagged
 * @param failedRuns the runs that produced no model to test, in the order they were run; absent
 *     (read as none) in reports written before runs could fail
 */
public record DetectorEvaluation(
        String name,
        Map<String, Object> config,
        List<SeedRun> runs,
        Map<String, MetricSummary> summary,
        Map<String, MetricSummary> flaggedShareByType,
        List<FailedRun> failedRuns) {

    private static final ObjectMapper CONFIG_MAPPER = new ObjectMapper();

    public DetectorEvaluation {
        Objects.requireNonNull(name, "name");
        runs = List.copyOf(runs);
        failedRuns = failedRuns == null ? List.of() : List.copyOf(failedRuns);
        if (runs.isEmpty() && failedRuns.isEmpty()) {
            throw new IllegalArgumentException("detector '" + name + "' has no runs");
        }
        Set<Long> seeds = new HashSet<>();
        for (SeedRun run : runs) {
            requireNew(name, seeds, run.seed());
        }
        for (FailedRun run : failedRuns) {
            requireNew(name, seeds, run.seed());
        }
        // LinkedHashMap copies keep the order people wrote and metrics were listed in.
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        flaggedShareByType = Collections.unmodifiableMap(new LinkedHashMap<>(flaggedShareByType));
    }

    /** Summarises {@code runs} of the detector {@code name} trained with {@code config}. */
    public static DetectorEvaluation of(String name, Map<String, ?> config, List<SeedRun> runs) {
        return of(name, config, runs, List.of());
    }

    /**
     * Summarises the successful {@code runs} of the detector {@code name} and lists its {@code
     * failedRuns}; either list may be empty, not both.
     */
    public static DetectorEvaluation of(
            String name, Map<String, ?> config, List<SeedRun> runs, List<FailedRun> failedRuns) {
        return new DetectorEvaluation(
                name,
                Collections.unmodifiableMap(new LinkedHashMap<String, Object>(config)),
                runs,
                SeedStatistics.metrics(runs),
                SeedStatistics.flaggedShareByType(runs),
                failedRuns);
    }

    /**
     * Like {@link #of(String, Map, List)}, with a configuration object (a record such as a trainer
     * configuration) turned into the map of its JSON properties.
     */
    public static DetectorEvaluation ofConfigObject(
            String name, Object config, List<SeedRun> runs) {
        return ofConfigObject(name, config, runs, List.of());
    }

    /** Like {@link #of(String, Map, List, List)}, with a configuration object. */
    @SuppressWarnings("unchecked")
    public static DetectorEvaluation ofConfigObject(
            String name, Object config, List<SeedRun> runs, List<FailedRun> failedRuns) {
        return of(name, CONFIG_MAPPER.convertValue(config, Map.class), runs, failedRuns);
    }

    /** This evaluation with {@code failed} added to its failed runs; the summaries are kept. */
    public DetectorEvaluation withFailedRuns(List<FailedRun> failed) {
        List<FailedRun> all = new ArrayList<>(failedRuns);
        all.addAll(failed);
        return new DetectorEvaluation(name, config, runs, summary, flaggedShareByType, all);
    }

    /** The summary of {@code metric} over the runs. */
    public MetricSummary summaryOf(ReportMetric metric) {
        return summary.get(metric.key());
    }

    private static void requireNew(String name, Set<Long> seeds, long seed) {
        if (!seeds.add(seed)) {
            throw new IllegalArgumentException(
                    "detector '" + name + "' has seed " + seed + " twice");
        }
    }
}
