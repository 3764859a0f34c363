package io.polygraph.deploy.backends;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lines {@link BackendBenchCommand} prints as it measures, and its JSON: every rate with its
 * ratio to the first backend's at the same batch size, measured in the same run.
 */
final class BackendBenchReport {

    private final String model;
    private final int records;
    private final List<ScoreAgreement> agreements = new ArrayList<>();
    private final List<BackendThroughput.Measurement> measurements = new ArrayList<>();

    BackendBenchReport(String model, int records) {
        this.model = model;
        this.records = records;
    }

    String header() {
        return String.format(
                Locale.ROOT,
                "model %s, %,d records; %s, %d cores, OMP_NUM_THREADS=%s%n%-10s %7s %6s %14s %9s",
                model,
                records,
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"),
                "backend",
                "threads",
                "batch",
                "records/s",
                "ratio");
    }

    static String line(ScoreAgreement agreement) {
        return String.format(
                Locale.ROOT,
                "scores of %s against %s on %d records: |difference| median %.2g, p99 %.2g,"
                        + " max %.2g; %d above 1e-4; %d verdicts differ",
                agreement.backend(),
                agreement.reference(),
                agreement.records(),
                agreement.medianDifference(),
                agreement.p99Difference(),
                agreement.maxDifference(),
                agreement.above1e4(),
                agreement.verdictsDiffer());
    }

    void add(ScoreAgreement agreement) {
        agreements.add(agreement);
    }

    void add(BackendThroughput.Measurement measurement) {
        measurements.add(measurement);
    }

    String line(BackendThroughput.Measurement measurement) {
        return String.format(
                Locale.ROOT,
                "%-10s %7d %6d %14.1f %9.2f",
                measurement.backend(),
                measurement.threads(),
                measurement.batchSize(),
                measurement.recordsPerSecond(),
                ratio(measurement));
    }

    /** This rate over the first backend's at the same batch size. */
    private double ratio(BackendThroughput.Measurement measurement) {
        for (BackendThroughput.Measurement first : measurements) {
            if (first.batchSize() == measurement.batchSize()) {
                return measurement.recordsPerSecond() / first.recordsPerSecond();
            }
        }
        return 1.0;
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model);
        json.put("records", records);
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("agreements", agreements);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BackendThroughput.Measurement measurement : measurements) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("backend", measurement.backend());
            row.put("threads", measurement.threads());
            row.put("batchSize", measurement.batchSize());
            row.put("recordsPerSecond", measurement.recordsPerSecond());
            row.put("ratioToFirstBackend", ratio(measurement));
            rows.add(row);
        }
        json.put("throughput", rows);
        return json;
    }
}
