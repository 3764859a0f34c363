package io.polygraph.deploy.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The benchmarks' figures as console tables, with each goal and whether it was met. */
final class BenchReport {

    private final List<BatchingGain.Measurement> batching;
    private final Map<String, String> notOnGraphBackend;
    private final BatchingGain.DecodingFloor decodingFloor;
    private final OperatorEfficiency.Measurement operator;
    private final EndToEndThroughput.Measurement endToEnd;
    private final List<Integer> batchSizes;
    private final String graphBackend;

    /**
     * @param notOnGraphBackend detectors benchmark 1 did not measure because their networks do not
     *     run on {@code graphBackend}, with the backend's reason
     * @param decodingFloor the rate of decoding presented signatures alone, or null when not
     *     measured
     */
    BenchReport(
            List<BatchingGain.Measurement> batching,
            Map<String, String> notOnGraphBackend,
            BatchingGain.DecodingFloor decodingFloor,
            OperatorEfficiency.Measurement operator,
            EndToEndThroughput.Measurement endToEnd,
            List<Integer> batchSizes,
            String graphBackend) {
        this.batching = batching;
        this.notOnGraphBackend = notOnGraphBackend;
        this.decodingFloor = decodingFloor;
        this.operator = operator;
        this.endToEnd = endToEnd;
        this.batchSizes = batchSizes;
        this.graphBackend = graphBackend;
    }

    void print(PrintStream out, String defaultDetector) {
        if (!batching.isEmpty() || !notOnGraphBackend.isEmpty()) {
            printBatching(out, defaultDetector);
        }
        if (operator != null) {
            printOperator(out);
        }
        if (endToEnd != null) {
            printEndToEnd(out);
        }
    }

    private void printBatching(PrintStream out, String defaultDetector) {
        out.println();
        out.println(
                "1. Batching gain: records/s of BatchScorer.score by batch size (JMH), networks on"
                        + " the "
                        + graphBackend
                        + " graph backend");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-12s", "detector"));
        batchSizes.forEach(size -> header.append(String.format(Locale.ROOT, "%10d", size)));
        header.append(String.format(Locale.ROOT, "%10s", "256/1"));
        out.println(header);
        for (Map.Entry<String, Map<Integer, Double>> row : byDetector().entrySet()) {
            StringBuilder line =
                    new StringBuilder(String.format(Locale.ROOT, "%-12s", row.getKey()));
            batchSizes.forEach(
                    size ->
                            line.append(
                                    String.format(
                                            Locale.ROOT,
                                            "%10s",
                                            Optional.ofNullable(row.getValue().get(size))
                                                    .map(BenchRun::format)
                                                    .orElse("-"))));
            line.append(
                    String.format(
                            Locale.ROOT,
                            "%10s",
                            gain(row.getValue()).map(g -> BenchRun.format(g) + "x").orElse("-")));
            out.println(line);
        }
        notOnGraphBackend.forEach(
                (detector, reason) ->
                        out.printf(Locale.ROOT, "%-12s not measured: %s%n", detector, reason));
        gain(byDetector().getOrDefault(defaultDetector, Map.of()))
                .ifPresent(
                        g ->
                                out.printf(
                                        Locale.ROOT,
                                        "Goal: batch 256 at least %.0fx batch 1 for %s: %.1fx, %s%n",
                                        BenchRun.BATCHING_GOAL,
                                        defaultDetector,
                                        g,
                                        g >= BenchRun.BATCHING_GOAL ? "met" : "NOT met"));
        Map<Integer, Double> measured = byDetector().getOrDefault(defaultDetector, Map.of());
        Double batchOne = measured.get(1);
        if (decodingFloor != null && batchOne != null) {
            Double atFloorsSize = measured.get(decodingFloor.batchSize());
            out.printf(
                    Locale.ROOT,
                    "Decoding the presented signatures alone (no batch shares it: each transaction"
                            + " brings a new one), batch %d: %s records/s%s; that alone would cap"
                            + " %s's gain over batch 1 at %.1fx%n",
                    decodingFloor.batchSize(),
                    BenchRun.format(decodingFloor.recordsPerSecond()),
                    atFloorsSize == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    ", %.1f%% of %s's time a record at that batch size",
                                    100 * atFloorsSize / decodingFloor.recordsPerSecond(),
                                    defaultDetector),
                    defaultDetector,
                    decodingFloor.gainBound(batchOne));
        }
    }

    private void printOperator(PrintStream out) {
        out.println();
        out.printf(
                Locale.ROOT,
                "2. Operator efficiency (%s, batch %d, %d records, local MiniCluster, parallelism"
                        + " 1), %d rounds of the raw detector then the operator:%n   operator/raw records/s"
                        + " by round: %s;%n  "
                        + " median round: operator %s records/s, raw detector %s records/s, ratio"
                        + " %.3f; goal at least %.2f: %s%n",
                operator.detector(),
                operator.batchSize(),
                operator.records(),
                operator.rounds().size(),
                operator.rounds().stream()
                        .map(
                                r ->
                                        String.format(
                                                Locale.ROOT,
                                                "%s/%s = %.3f",
                                                BenchRun.format(r.operatorRecordsPerSecond()),
                                                BenchRun.format(r.rawRecordsPerSecond()),
                                                r.efficiency()))
                        .collect(Collectors.joining(", ")),
                BenchRun.format(operator.median().operatorRecordsPerSecond()),
                BenchRun.format(operator.median().rawRecordsPerSecond()),
                operator.efficiency(),
                BenchRun.OPERATOR_GOAL,
                operator.efficiency() >= BenchRun.OPERATOR_GOAL ? "met" : "NOT met");
    }

    private void printEndToEnd(PrintStream out) {
        out.println();
        out.printf(
                Locale.ROOT,
                "3. End to end, Kafka to Kafka, exactly-once, %d records (%d transactions), %d"
                        + " cores:%n   Polygraph job %s records/s (%s per core), pass-through"
                        + " job %s records/s (%s per core), ratio %.3f; goal at least %.2f:"
                        + " %s%n",
                endToEnd.records(),
                endToEnd.transactions(),
                endToEnd.cores(),
                BenchRun.format(endToEnd.polygraphRecordsPerSecond()),
                BenchRun.format(endToEnd.polygraphRecordsPerSecond() / endToEnd.cores()),
                BenchRun.format(endToEnd.passThroughRecordsPerSecond()),
                BenchRun.format(endToEnd.passThroughRecordsPerSecond() / endToEnd.cores()),
                endToEnd.ratio(),
                BenchRun.END_TO_END_GOAL,
                endToEnd.ratio() >= BenchRun.END_TO_END_GOAL ? "met" : "NOT met");
    }

    /** Benchmark 6: seconds per epoch of each training run, and their median. */
    static void printTraining(PrintStream out, List<TrainingEpochs.Measurement> training) {
        out.println();
        out.println("6. Training: seconds per epoch (the first includes set-up and warm-up)");
        for (TrainingEpochs.Measurement run : training) {
            out.printf(
                    Locale.ROOT,
                    "   %-26s %6d records: epochs %s s, median %.1f s%n",
                    run.training(),
                    run.records(),
                    run.epochSeconds().stream()
                            .map(s -> String.format(Locale.ROOT, "%.1f", s))
                            .toList(),
                    run.medianSeconds());
        }
    }

    private Map<String, Map<Integer, Double>> byDetector() {
        Map<String, Map<Integer, Double>> rows = new LinkedHashMap<>();
        for (BatchingGain.Measurement m : batching) {
            rows.computeIfAbsent(m.detector(), d -> new LinkedHashMap<>())
                    .put(m.batchSize(), m.recordsPerSecond());
        }
        return rows;
    }

    private static Optional<Double> gain(Map<Integer, Double> row) {
        Double one = row.get(1);
        Double batch256 = row.get(BenchRun.GOAL_BATCH_SIZE);
        return one == null || batch256 == null ? Optional.empty() : Optional.of(batch256 / one);
    }
}
