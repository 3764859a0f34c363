package io.polygraph.deploy.bench;

import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.graph.Nd4jGraphBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Benchmark 1: records per second of each detector's {@link
 * io.polygraph.detector.BatchScorer#score} at several batch sizes, measured by JMH ({@link
 * BatchScoringBenchmark}) in forked JVMs started with this JVM's options (add-opens, Avro's trusted
 * packages, heap: JMH's default), one fork per detector and batch size.
 */
final class BatchingGain {

    /** One detector at one batch size. */
    record Measurement(String detector, int batchSize, double recordsPerSecond, double error) {}

    /**
     * Records per second of decoding each record's presented signature alone, at one batch size: no
     * detector can score faster than that at any batch size, so that rate divided by a detector's
     * rate at batch 1 is the largest batching gain it could show even if its networks cost nothing.
     */
    record DecodingFloor(int batchSize, double recordsPerSecond, double error) {

        /** The largest gain over {@code batchOneRecordsPerSecond} this decoding leaves possible. */
        double gainBound(double batchOneRecordsPerSecond) {
            return recordsPerSecond / batchOneRecordsPerSecond;
        }
    }

    private final BenchSettings settings;

    BatchingGain(BenchSettings settings) {
        this.settings = settings;
    }

    /**
     * The detectors of {@code snapshots} whose networks do not run on {@code graphBackend}, each
     * with the reason the backend gave when they were loaded on it; benchmark 1 measures the
     * others.
     *
     * @throws IOException when a snapshot cannot be read
     */
    static Map<String, String> refusedBy(String graphBackend, Map<String, Path> snapshots)
            throws IOException {
        Map<String, String> refused = new LinkedHashMap<>();
        if (Nd4jGraphBackend.NAME.equals(graphBackend)) {
            return refused;
        }
        for (Map.Entry<String, Path> snapshot : snapshots.entrySet()) {
            try {
                SnapshotScorerFactory.forJob(snapshot.getValue(), graphBackend);
            } catch (UnsupportedOperationException e) {
                refused.put(snapshot.getKey(), e.getMessage());
            }
        }
        return refused;
    }

    /**
     * Measures every snapshot of {@code snapshots} (by detector name) at every batch size, the
     * networks on the graph backend called {@code graphBackend}.
     *
     * @throws RunnerException when a benchmark run failed
     */
    List<Measurement> run(
            Map<String, Path> snapshots, List<Integer> batchSizes, String graphBackend)
            throws RunnerException {
        ChainedOptionsBuilder options =
                jmhOptions(BatchScoringBenchmark.class.getName() + ".scoreBatch")
                        .param(
                                "snapshot",
                                snapshots.values().stream()
                                        .map(Path::toString)
                                        .toArray(String[]::new))
                        .param("graphBackend", graphBackend)
                        .param(
                                "batchSize",
                                batchSizes.stream().map(String::valueOf).toArray(String[]::new));
        Collection<RunResult> results = new Runner(options.build()).run();
        List<Measurement> measurements = new ArrayList<>();
        for (RunResult result : results) {
            String snapshot = result.getParams().getParam("snapshot");
            int batchSize = Integer.parseInt(result.getParams().getParam("batchSize"));
            String detector =
                    snapshots.entrySet().stream()
                            .filter(e -> e.getValue().toString().equals(snapshot))
                            .map(Map.Entry::getKey)
                            .findFirst()
                            .orElse(snapshot);
            double callsPerSecond = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            measurements.add(
                    new Measurement(
                            detector,
                            batchSize,
                            callsPerSecond * batchSize,
                            Double.isNaN(error) ? Double.NaN : error * batchSize));
        }
        return measurements;
    }

    /**
     * Records per second of decoding the presented signatures of batches of {@code batchSize}
     * ({@link PresentedSignatureDecoding}), on the same world as {@link #run}, in a fork of its
     * own.
     *
     * @throws RunnerException when the benchmark run failed
     */
    DecodingFloor decodingFloor(int batchSize) throws RunnerException {
        ChainedOptionsBuilder options =
                jmhOptions(PresentedSignatureDecoding.class.getName() + ".decodeBatch")
                        .param("batchSize", String.valueOf(batchSize));
        RunResult result = new Runner(options.build()).runSingle();
        double error = result.getPrimaryResult().getScoreError();
        return new DecodingFloor(
                batchSize,
                result.getPrimaryResult().getScore() * batchSize,
                Double.isNaN(error) ? Double.NaN : error * batchSize);
    }

    private ChainedOptionsBuilder jmhOptions(String include) {
        return new OptionsBuilder()
                .include(include)
                .param("customers", String.valueOf(settings.customers()))
                .forks(1)
                .threads(1)
                .warmupIterations(settings.warmupIterations())
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(settings.measurementIterations())
                .measurementTime(TimeValue.seconds(settings.secondsPerIteration()))
                // Forks get this JVM's own options by default (add-opens, Avro's trusted
                // packages, heap), so they run like the CLI.
                .shouldFailOnError(true);
    }
}
