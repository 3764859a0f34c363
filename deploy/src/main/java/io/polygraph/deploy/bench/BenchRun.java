package io.polygraph.deploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the benchmarks in order and reports them: a table on the console, optionally JSON. The goals
 * of the performance issue are printed next to the figures, met or not; a missed goal never fails
 * the run, a failed measurement does (an exception).
 */
public final class BenchRun {

    /** Goal of benchmark 1: batch 256 against batch 1, default detector. */
    static final double BATCHING_GOAL = 30;

    /** Goal of benchmark 2. */
    static final double OPERATOR_GOAL = 0.85;

    /** Goal of benchmark 3. */
    static final double END_TO_END_GOAL = 0.5;

    private final BenchSettings settings;
    private final List<Integer> batchSizes;
    private final int operatorBatchSize;

    public BenchRun(boolean quick, List<Integer> batchSizes, int operatorBatchSize) {
        this.settings = quick ? BenchSettings.quick() : BenchSettings.full();
        this.batchSizes = List.copyOf(batchSizes);
        this.operatorBatchSize = operatorBatchSize;
    }

    /**
     * Measures {@code snapshots} (by detector name; the first is the default detector), prints the
     * results to {@code console} and writes them as JSON to {@code json} when it is not null.
     *
     * @return the exit code: 0
     * @throws Exception when a measurement fails
     */
    public int run(Map<String, Path> snapshots, Path json, PrintStream console) throws Exception {
        String defaultDetector = snapshots.keySet().iterator().next();
        console.printf(
                "Benchmarks on %d cores, Java %s, %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                settings);
        List<BatchingGain.Measurement> batching =
                new BatchingGain(settings).run(snapshots, batchSizes);
        OperatorEfficiency.Measurement operator =
                new OperatorEfficiency(settings)
                        .measure(
                                defaultDetector, snapshots.get(defaultDetector), operatorBatchSize);
        EndToEndThroughput.Measurement endToEnd =
                new EndToEndThroughput(settings).measure(snapshots.get(defaultDetector));
        List<TrainingEpochs.Measurement> training = new TrainingEpochs(settings).measure();
        BenchReport report = new BenchReport(batching, operator, endToEnd, batchSizes);
        report.print(console, defaultDetector);
        BenchReport.printTraining(console, training);
        if (json != null) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("measuredAt", Instant.now().toString());
            document.put("cores", Runtime.getRuntime().availableProcessors());
            document.put("javaVersion", System.getProperty("java.version"));
            document.put("settings", settings);
            document.put("defaultDetector", defaultDetector);
            document.put("batching", batching);
            document.put("operator", operator);
            document.put("operatorEfficiency", operator.efficiency());
            document.put("endToEnd", endToEnd);
            document.put("endToEndRatio", endToEnd.ratio());
            document.put("training", training);
            write(json, document);
            console.println("Wrote " + json.toAbsolutePath());
        }
        return 0;
    }

    private static void write(Path json, Map<String, Object> document) throws IOException {
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(json.toFile(), document);
    }

    static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }
}
