package io.polygraph.deploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.polygraph.detector.ScorerFactory;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.graph.GraphBackend;
import io.polygraph.graph.Nd4jGraphBackend;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the benchmarks in order and reports them: a table on the console, optionally JSON. The goals
 * of the performance issue are printed next to the figures, met or not; a missed goal never fails
 * the run, a failed measurement does (an exception).
 */
public final class BenchRun {

    /** Goal of benchmark 1: batch 256 against batch 1, default detector. */
    static final double BATCHING_GOAL = 30;

    /** The batch size benchmark 1's goal compares with batch 1. */
    static final int GOAL_BATCH_SIZE = 256;

    /** Goal of benchmark 2. */
    static final double OPERATOR_GOAL = 0.85;

    /** Goal of benchmark 3. */
    static final double END_TO_END_GOAL = 0.5;

    /** The benchmarks built, by their number in the performance issue. */
    public static final Set<Integer> ALL = Set.of(1, 2, 3, 4, 5, 6);

    /** Those that score with the detector snapshots. */
    private static final Set<Integer> SCORING = Set.of(1, 2, 3, 4);

    /** Those that score with the default detector's scorer factory, as the job does. */
    private static final Set<Integer> JOB_SCORING = Set.of(2, 3, 4);

    private final BenchSettings settings;
    private final List<Integer> batchSizes;
    private final int operatorBatchSize;
    private final Set<Integer> benchmarks;
    private List<Integer> stateSizeEntities;
    private String graphBackend = Nd4jGraphBackend.NAME;

    public BenchRun(boolean quick, List<Integer> batchSizes, int operatorBatchSize) {
        this(quick, batchSizes, operatorBatchSize, ALL);
    }

    /** A run of only {@code benchmarks} (numbers of {@link #ALL}), in their order. */
    public BenchRun(
            boolean quick,
            List<Integer> batchSizes,
            int operatorBatchSize,
            Collection<Integer> benchmarks) {
        this.settings = quick ? BenchSettings.quick() : BenchSettings.full();
        this.batchSizes = List.copyOf(batchSizes);
        this.operatorBatchSize = operatorBatchSize;
        this.benchmarks = new TreeSet<>(benchmarks);
        if (this.benchmarks.isEmpty() || !ALL.containsAll(this.benchmarks)) {
            throw new IllegalArgumentException(
                    "benchmarks must be among " + new TreeSet<>(ALL) + ", were " + benchmarks);
        }
        this.stateSizeEntities = quick ? StateSize.QUICK_ENTITIES : StateSize.FULL_ENTITIES;
    }

    /**
     * Measures benchmark 5 at these numbers of entities instead of its defaults (which fit the
     * command's 4 GB heap).
     *
     * @throws IllegalArgumentException when a count is not positive or the largest would not fit in
     *     this JVM's heap
     */
    public BenchRun withStateSizeEntities(List<Integer> entities) {
        if (entities.isEmpty() || entities.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("positive numbers, not " + entities);
        }
        StateHeap.requireRoomFor(
                entities.stream().mapToInt(Integer::intValue).max().orElseThrow(),
                Runtime.getRuntime().maxMemory());
        this.stateSizeEntities = List.copyOf(entities);
        return this;
    }

    /**
     * Runs the detectors' networks on the graph backend called {@code name} instead of ND4J, in
     * every benchmark that scores: benchmark 1 measures the detectors that backend runs and names
     * the others; benchmarks 2 to 4 need the default detector to run on it.
     *
     * @throws IllegalArgumentException when no such backend is on the class path
     */
    public BenchRun withGraphBackend(String name) {
        GraphBackend.named(name);
        this.graphBackend = name;
        return this;
    }

    /** Whether the run needs detector snapshots (only benchmarks that score do). */
    public boolean needsSnapshots() {
        return benchmarks.stream().anyMatch(SCORING::contains);
    }

    /**
     * Measures {@code snapshots} (by detector name; the first is the default detector), prints the
     * results to {@code console} and writes them as JSON to {@code json} when it is not null.
     *
     * @return the exit code: 0, or 1 when a latency run failed (the other figures are printed and
     *     written all the same, the failed run with its reason)
     * @throws Exception when any other measurement fails
     */
    public int run(Map<String, Path> snapshots, Path json, PrintStream console) throws Exception {
        String defaultDetector = snapshots.isEmpty() ? null : snapshots.keySet().iterator().next();
        console.printf(
                "Benchmarks %s on %d cores, Java %s, networks on the %s graph backend, %s%n",
                benchmarks,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                graphBackend,
                settings);
        // Checked first: a default detector the backend cannot run fails the command now, not
        // after benchmark 1's minutes.
        ScorerFactory scoring =
                benchmarks.stream().anyMatch(JOB_SCORING::contains)
                        ? SnapshotScorerFactory.forJob(snapshots.get(defaultDetector), graphBackend)
                        : null;
        Map<String, String> refused = Map.of();
        List<BatchingGain.Measurement> batching = List.of();
        BatchingGain.DecodingFloor decodingFloor = null;
        if (benchmarks.contains(1)) {
            refused = BatchingGain.refusedBy(graphBackend, snapshots);
            Map<String, Path> runnable = new LinkedHashMap<>(snapshots);
            runnable.keySet().removeAll(refused.keySet());
            BatchingGain gain = new BatchingGain(settings);
            batching =
                    runnable.isEmpty() ? List.of() : gain.run(runnable, batchSizes, graphBackend);
            if (runnable.containsKey(defaultDetector) && batchSizes.contains(1)) {
                decodingFloor = gain.decodingFloor(GOAL_BATCH_SIZE);
            }
        }
        OperatorEfficiency.Measurement operator =
                benchmarks.contains(2)
                        ? new OperatorEfficiency(settings)
                                .measure(defaultDetector, scoring, operatorBatchSize)
                        : null;
        EndToEndThroughput.Measurement endToEnd =
                benchmarks.contains(3) ? new EndToEndThroughput(settings).measure(scoring) : null;
        LatencyUnderLoad.Result latency =
                benchmarks.contains(4)
                        ? new LatencyUnderLoad(settings).measure(scoring, endToEnd, console)
                        : null;
        StateSize.Result stateSize =
                benchmarks.contains(5)
                        ? new StateSize(StateSize.TEMPLATE_CUSTOMERS).measure(stateSizeEntities)
                        : null;
        List<TrainingEpochs.Measurement> training =
                benchmarks.contains(6) ? new TrainingEpochs(settings).measure() : null;
        BenchReport report =
                new BenchReport(
                        batching,
                        refused,
                        decodingFloor,
                        operator,
                        endToEnd,
                        batchSizes,
                        graphBackend);
        report.print(console, defaultDetector);
        if (latency != null) {
            LatencyUnderLoadReport.print(console, latency);
        }
        if (stateSize != null) {
            StateSizeReport.print(console, stateSize);
        }
        if (training != null) {
            BenchReport.printTraining(console, training);
        }
        if (json != null) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("measuredAt", Instant.now().toString());
            document.put("cores", Runtime.getRuntime().availableProcessors());
            document.put("javaVersion", System.getProperty("java.version"));
            document.put("settings", settings);
            document.put("graphBackend", graphBackend);
            document.put("defaultDetector", defaultDetector);
            document.put("batching", batching);
            document.put("batchingNotOnGraphBackend", refused);
            document.put("batchingDecodingFloor", decodingFloor);
            document.put("operator", operator);
            document.put("operatorEfficiency", operator == null ? null : operator.efficiency());
            document.put("endToEnd", endToEnd);
            document.put("endToEndRatio", endToEnd == null ? null : endToEnd.ratio());
            document.put("stateSize", stateSize);
            document.put("latency", latency);
            document.put("training", training);
            write(json, document);
            console.println("Wrote " + json.toAbsolutePath());
        }
        if (latency != null && latency.anyFailed()) {
            console.println("bench: a latency run failed (see the table above)");
            return 1;
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
