package io.polygraph.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polygraph.eval.MetricSummary;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One detector evaluated on one dataset over one or several seeds: its configuration, every run,
 * and the mean and standard deviation of each metric over the runs.
 *
 * <p>Contract: seeds are distinct; {@code config} holds JSON-able values only (strings, numbers,
 * booleans, lists and maps of those), kept in the caller's order. The summaries are computed by
 * {@link #of} and stored so that report.json readers need not recompute them; the canonical
 * constructor accepts them as given, which is what reading report.json back needs.
 *
 * @param name the detector's name, unique within a report
 * @param config the configuration it was trained with
 * @param runs one run per seed, in the order they were run
 * @param summary per {@link ReportMetric#key()}: mean and standard deviation over runs
 * @param flaggedShareByType per label: mean and standard deviation of the share flagged
 */
public record DetectorEvaluation(
        String name,
        Map<String, Object> config,
        List<SeedRun> runs,
        Map<String, MetricSummary> summary,
        Map<String, MetricSummary> flaggedShareByType) {

    private static final ObjectMapper CONFIG_MAPPER = new ObjectMapper();

    public DetectorEvaluation {
        Objects.requireNonNull(name, "name");
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("detector '" + name + "' has no runs");
        }
        Set<Long> seeds = new HashSet<>();
        for (SeedRun run : runs) {
            if (!seeds.add(run.seed())) {
                throw new IllegalArgumentException(
                        "detector '" + name + "' has seed " + run.seed() + " twice");
            }
        }
        // LinkedHashMap copies keep the order people wrote and metrics were listed in.
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        flaggedShareByType = Collections.unmodifiableMap(new LinkedHashMap<>(flaggedShareByType));
    }

    /** Summarises {@code runs} of the detector {@code name} trained with {@code config}. */
    public static DetectorEvaluation of(String name, Map<String, ?> config, List<SeedRun> runs) {
        return new DetectorEvaluation(
                name,
                Collections.unmodifiableMap(new LinkedHashMap<String, Object>(config)),
                runs,
                SeedStatistics.metrics(runs),
                SeedStatistics.flaggedShareByType(runs));
    }

    /**
     * Like {@link #of(String, Map, List)}, with a configuration object (a record such as a trainer
     * configuration) turned into the map of its JSON properties.
     */
    @SuppressWarnings("unchecked")
    public static DetectorEvaluation ofConfigObject(
            String name, Object config, List<SeedRun> runs) {
        return of(name, CONFIG_MAPPER.convertValue(config, Map.class), runs);
    }

    /** The summary of {@code metric} over the runs. */
    public MetricSummary summaryOf(ReportMetric metric) {
        return summary.get(metric.key());
    }
}
