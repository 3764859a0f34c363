package io.polygraph.deploy.cli;

import io.polygraph.deploy.bench.BenchRun;
import io.polygraph.graph.Nd4jGraphBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polygraph bench}: trains small snapshots of every transaction detector (unless given),
 * runs the benchmarks and prints their figures, ratios measured side by side in one run.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Run the performance benchmarks and print their figures as a table (and JSON with"
                        + " --out): batching gain of every detector (JMH), the scoring operator's"
                        + " efficiency against the raw detector, end-to-end throughput, keyed state"
                        + " and memory per entity, training time. Exits non-zero only when a run"
                        + " fails, never because a figure misses its goal.")
final class BenchCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    /** Trained when no --snapshot is given; the first is the default detector. */
    static final List<String> DETECTORS =
            List.of("combined", "cmad", "dmafn", "autoencoder", "mmoc", "igmm-bigan");

    @Option(
            names = "--snapshot",
            paramLabel = "NAME=FILE",
            description =
                    "Benchmark this snapshot under NAME (repeatable; the first is taken as the"
                            + " default detector). Without it, small snapshots of "
                            + "combined, cmad, dmafn, autoencoder, mmoc and igmm-bigan are trained"
                            + " first (one epoch on a small world: the networks have their default"
                            + " sizes, which is what scoring speed depends on).")
    Map<String, Path> snapshots = new LinkedHashMap<>();

    @Option(
            names = "--work",
            paramLabel = "DIR",
            description = "Where trained snapshots go. Default: a new temporary folder.")
    Path work;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path out;

    @Option(
            names = "--batch-sizes",
            split = ",",
            description = "Batch sizes of the batching benchmark. Default: ${DEFAULT-VALUE}.")
    List<Integer> batchSizes = List.of(1, 16, 64, 256, 1024, 4096);

    @Option(
            names = "--operator-batch-size",
            description =
                    "Batch size of the operator benchmark (the job's default). Default:"
                            + " ${DEFAULT-VALUE}.")
    int operatorBatchSize = 256;

    @Option(names = "--quick", description = "Shorter runs on fewer records: noisier figures.")
    boolean quick;

    @Option(
            names = "--benchmarks",
            split = ",",
            paramLabel = "N",
            description =
                    "Run only these benchmarks, by their number (1 batching, 2 operator, 3 end to"
                            + " end, 4 latency under load, 5 state and memory, 6 training), e.g."
                            + " 1,2,5. Snapshots are trained only for 1 to 4, and every detector's"
                            + " only for 1. Default: all.")
    List<Integer> benchmarks = List.copyOf(new TreeSet<>(BenchRun.ALL));

    @Option(
            names = "--state-entities",
            split = ",",
            paramLabel = "N",
            description =
                    "Numbers of entities benchmark 5 loads and measures, ascending, in one job."
                            + " Default: 10000,100000 (2000,10000 with --quick), which fit the"
                            + " command's 4 GB heap at about 16 kB per entity; for more, raise the"
                            + " heap with POLYGRAPH_JAVA_OPTS=-Xmx...")
    List<Integer> stateEntities;

    @Option(
            names = "--graph-backend",
            paramLabel = "NAME",
            description =
                    "Run the detectors' networks on this graph backend in benchmarks 1 to 4: nd4j"
                            + " or portable (the job option polygraph.scoring.graph-backend)."
                            + " Benchmark 1 names the detectors the backend does not run instead of"
                            + " measuring them. Default: ${DEFAULT-VALUE}.")
    String graphBackend = Nd4jGraphBackend.NAME;

    @Override
    public Integer call() throws Exception {
        if (!BenchRun.ALL.containsAll(benchmarks)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--benchmarks: built are "
                            + new TreeSet<>(BenchRun.ALL)
                            + ", not "
                            + benchmarks);
        }
        BenchRun run = new BenchRun(quick, batchSizes, operatorBatchSize, benchmarks);
        try {
            run.withGraphBackend(graphBackend);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--graph-backend: " + e.getMessage());
        }
        if (stateEntities != null) {
            try {
                run.withStateSizeEntities(stateEntities);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(
                        spec.commandLine(), "--state-entities: " + e.getMessage());
            }
        }
        Map<String, Path> toMeasure = new LinkedHashMap<>(snapshots);
        if (toMeasure.isEmpty() && run.needsSnapshots()) {
            Path folder = work != null ? work : Files.createTempDirectory("polygraph-bench-");
            Files.createDirectories(folder);
            // Only benchmark 1 measures every detector; the others measure the default one.
            List<String> detectors = benchmarks.contains(1) ? DETECTORS : DETECTORS.subList(0, 1);
            for (String detector : detectors) {
                Path snapshot = folder.resolve(detector + ".zip");
                if (!Files.exists(snapshot)) {
                    int exit = train(detector, snapshot);
                    if (exit != 0) {
                        System.err.printf("bench: training %s failed (exit %d)%n", detector, exit);
                        return exit;
                    }
                }
                toMeasure.put(detector, snapshot);
            }
        }
        return run.run(toMeasure, out, System.out);
    }

    private static int train(String detector, Path snapshot) {
        return PolygraphCli.commandLine()
                .execute(
                        "train",
                        "--detector",
                        detector,
                        "--customers",
                        "40",
                        "--days",
                        "10",
                        "--epochs",
                        "1",
                        "--out",
                        snapshot.toString());
    }
}
