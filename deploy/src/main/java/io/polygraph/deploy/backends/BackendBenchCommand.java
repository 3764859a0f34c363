package io.polygraph.deploy.backends;

import io.polygraph.deploy.bench.BenchRecords;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.SnapshotJson;
import io.polygraph.graph.GraphBackend;
import io.polygraph.portable.PortableGraphBackend;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code polygraph bench-backends}: one snapshot's scoring throughput on several graph backends at
 * several batch sizes, in one run, with each backend's rate as a ratio to the first's, after
 * checking that every backend scores the records as the first one does.
 *
 * <p>Exits non-zero when a run fails, never because a figure is low. Runs on its own, without Flink
 * or Kafka on the class path ({@link #main}), so that a GPU machine can run it from a small folder.
 */
@Command(
        name = "bench-backends",
        mixinStandardHelpOptions = true,
        description = {
            "Scoring throughput of one snapshot on several graph backends (nd4j, portable, ...)"
                    + " at several batch sizes, side by side in one run, and the largest score"
                    + " difference of each backend from the first."
        })
public final class BackendBenchCommand implements Callable<Integer> {

    @Option(
            names = "--snapshot",
            required = true,
            paramLabel = "FILE",
            description = "The snapshot.")
    Path snapshot;

    @Option(
            names = "--records",
            paramLabel = "FILE",
            description =
                    "Records to score (Avro joined transactions, as --write-records writes them)."
                            + " Default: a generated world of --customers customers.")
    Path records;

    @Option(
            names = "--customers",
            defaultValue = "200",
            description =
                    "Customers of the generated world when no --records. Default: ${DEFAULT-VALUE}.")
    int customers;

    @Option(
            names = "--write-records",
            paramLabel = "FILE",
            description = "Write the records to this file and stop (for a benchmark folder).")
    Path writeRecords;

    @Option(
            names = "--backends",
            split = ",",
            defaultValue = "nd4j,portable",
            description =
                    "Graph backends, the first being the reference. Default: ${DEFAULT-VALUE}.")
    List<String> backends;

    @Option(
            names = "--threads",
            paramLabel = "BACKEND=N",
            description =
                    "Scorers run in parallel on a backend, one per thread. Default: every core for"
                            + " portable (it runs each scorer on one thread), 1 for the others"
                            + " (ND4J spreads one scorer's ops over OMP_NUM_THREADS threads, a GPU"
                            + " backend over the GPU).")
    Map<String, Integer> threads = new LinkedHashMap<>();

    @Option(
            names = "--batch-sizes",
            split = ",",
            defaultValue = "256,1024,4096,16384",
            description = "Default: ${DEFAULT-VALUE}.")
    List<Integer> batchSizes;

    @Option(
            names = "--warmup-seconds",
            defaultValue = "3",
            description = "Default: ${DEFAULT-VALUE}.")
    double warmupSeconds;

    @Option(
            names = "--seconds",
            defaultValue = "10",
            description = "Measured time per backend and batch size. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path out;

    /** Runs the command alone, as the GPU benchmark folder does. */
    public static void main(String[] args) {
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.polygraph.schema");
        System.exit(new CommandLine(new BackendBenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<MultimodalRecord> scored =
                records != null ? RecordsFile.read(records) : BenchRecords.world(customers);
        if (writeRecords != null) {
            RecordsFile.write(writeRecords, scored);
            System.out.printf("wrote %,d records to %s%n", scored.size(), writeRecords);
            return 0;
        }
        DetectorSnapshot loaded = DetectorSnapshot.read(snapshot);
        List<GraphBackend> chosen = backends.stream().map(GraphBackend::named).toList();
        BackendBenchReport report =
                new BackendBenchReport(loaded.modelInfo().name(), scored.size());
        System.out.println(report.header());
        GraphBackend reference = chosen.get(0);
        for (GraphBackend backend : chosen.subList(1, chosen.size())) {
            ScoreAgreement agreement =
                    ScoreAgreement.of(
                            loaded,
                            reference,
                            backend,
                            scored.subList(0, Math.min(2048, scored.size())),
                            256);
            report.add(agreement);
            System.out.println(BackendBenchReport.line(agreement));
        }
        BackendThroughput throughput =
                new BackendThroughput(loaded, scored, warmupSeconds, seconds);
        for (int batchSize : batchSizes) {
            for (GraphBackend backend : chosen) {
                int n = threads.getOrDefault(backend.name(), defaultThreads(backend.name()));
                BackendThroughput.Measurement measurement =
                        throughput.measure(backend, n, batchSize);
                report.add(measurement);
                System.out.println(report.line(measurement));
            }
        }
        if (out != null) {
            SnapshotJson.mapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValue(out.toFile(), report.json());
        }
        return 0;
    }

    private static int defaultThreads(String backend) {
        return backend.equals(PortableGraphBackend.NAME)
                ? Runtime.getRuntime().availableProcessors()
                : 1;
    }
}
