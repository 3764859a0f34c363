package io.polygraph.deploy.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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

    private final BenchSettings settings;

    BatchingGain(BenchSettings settings) {
        this.settings = settings;
    }

    /**
     * Measures every snapshot of {@code snapshots} (by detector name) at every batch size.
     *
     * @throws RunnerException when a benchmark run failed
     */
    List<Measurement> run(Map<String, Path> snapshots, List<Integer> batchSizes)
            throws RunnerException {
        ChainedOptionsBuilder options =
                new OptionsBuilder()
                        .include(BatchScoringBenchmark.class.getName() + ".scoreBatch")
                        .param(
                                "snapshot",
                                snapshots.values().stream()
                                        .map(Path::toString)
                                        .toArray(String[]::new))
                        .param(
                                "batchSize",
                                batchSizes.stream().map(String::valueOf).toArray(String[]::new))
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
}
