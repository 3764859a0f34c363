package io.polygraph.deploy.cli;

import io.polygraph.deploy.flink.LocalFlinkJob;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.job.config.JobSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polygraph run}: the job on a local Flink MiniCluster against a given Kafka. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description =
                "Run the Polygraph job on a local Flink MiniCluster (web UI on localhost) against"
                        + " the given Kafka, topics and model snapshot, until Ctrl-C.")
final class RunCommand implements Callable<Integer> {

    @ArgGroup(exclusive = false, multiplicity = "1", heading = "Kafka%n")
    KafkaOptions kafka;

    @Mixin TopicOptions topics;

    @Mixin JobOptions job;

    @Option(
            names = "--snapshot",
            required = true,
            paramLabel = "FILE",
            description = "Model snapshot written by `polygraph train`.")
    Path snapshot;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(snapshot)) {
            throw new IllegalArgumentException("no model snapshot at " + snapshot.toAbsolutePath());
        }
        Configuration config = job.configuration(kafka, topics, snapshot);
        SnapshotScorerFactory scorers = JobSettings.from(config).scorersOf(snapshot);
        try (LocalFlinkJob running = LocalFlinkJob.start(config, job.webUiPort, scorers)) {
            System.out.printf(
                    "Polygraph job running: %s -> %s; Flink web UI at %s. Ctrl-C stops it.%n",
                    String.join(", ", topics.transactions, topics.profiles, topics.signatures),
                    topics.alerts,
                    running.webUiUrl());
            job.prometheusUrl()
                    .ifPresent(url -> System.out.printf("Prometheus metrics at %s%n", url));
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        try {
                                            running.close();
                                        } catch (Exception e) {
                                            System.err.println("job shutdown: " + e);
                                        }
                                    }));
            running.awaitTermination();
        }
        return 0;
    }
}
