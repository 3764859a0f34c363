package io.polygraph.deploy.cli;

import io.polygraph.deploy.demo.AlertEvaluation;
import io.polygraph.deploy.demo.ConsumerGroupProgress;
import io.polygraph.deploy.demo.DemoSummary;
import io.polygraph.deploy.demo.LatencyStats;
import io.polygraph.deploy.demo.TopicWatcher;
import io.polygraph.deploy.flink.LocalFlinkJob;
import io.polygraph.deploy.kafka.LocalKafkaBroker;
import io.polygraph.deploy.kafka.TopicSetup;
import io.polygraph.deploy.world.BadRecords;
import io.polygraph.deploy.world.WorldPublisher;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.schema.Alert;
import io.polygraph.schema.AnomalyLabel;
import io.polygraph.schema.DeadLetter;
import io.polygraph.topic.Topics;
import io.polygraph.world.World;
import io.polygraph.world.WorldGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code polygraph demo}: the whole system on this machine, end to end, with real parts: a KRaft
 * broker, a trained detector, the Flink job on a MiniCluster, a world streamed through Kafka.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Start a local Kafka broker, train a detector (unless --snapshot), run the job on a"
                        + " local Flink MiniCluster, stream a generated world through it, print alerts"
                        + " and a summary, shut down.")
final class DemoCommand implements Callable<Integer> {
    private static final String GROUP_ID = "polygraph-demo";

    @Mixin WorldOptions world;

    @Option(
            names = "--train-seed",
            description =
                    "Seed of the training world (other customers than the live world's). Default: seed + 1000.")
    Long trainSeed;

    @Option(
            names = "--snapshot",
            paramLabel = "FILE",
            description = "Use this model snapshot instead of training one.")
    Path snapshot;

    // Below what the job sustains on 2 cores today (about 900 transactions/s end to end), so that
    // the latency it reports is the pipeline's rather than a queue's.
    @Option(
            names = "--rate",
            description = "Events per second streamed into Kafka. Default: ${DEFAULT-VALUE}.")
    double rate = 800;

    @Option(
            names = "--bad-records",
            description = "Damaged records mixed into the inputs. Default: ${DEFAULT-VALUE}.")
    int badRecords = 30;

    @Option(
            names = "--print-alerts",
            description =
                    "Alerts printed as they arrive (the rest are counted). Default: ${DEFAULT-VALUE}.")
    int printAlerts = 40;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "Where the snapshot is written. Default: a temporary directory.")
    Path workDir;

    @Option(
            names = "--timeout",
            description =
                    "Longest the streaming part may take (ISO-8601 or e.g. 10m). Default: ${DEFAULT-VALUE}.")
    String timeout = "15m";

    @Mixin JobOptions job;

    @Mixin DetectorOptions detector;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        detector.validate(spec.commandLine());
        // A given snapshot is checked before anything starts; a trained one after training.
        if (snapshot != null) {
            SnapshotScorerFactory.forJob(snapshot);
        }
        Path work =
                workDir != null
                        ? Files.createDirectories(workDir)
                        : Files.createTempDirectory("polygraph-demo-");
        step(1, "Starting a Kafka broker (KRaft) on 127.0.0.1");
        try (LocalKafkaBroker broker =
                LocalKafkaBroker.start(LocalKafkaBroker.Settings.ephemeral())) {
            KafkaOptions kafka = new KafkaOptions();
            kafka.bootstrapServers = broker.bootstrapServers();
            TopicOptions topics = new TopicOptions();
            new TopicSetup(broker.adminConfig()).ensureTopics(topics.all(), 2);
            System.out.printf(
                    "  broker at %s, topics: %s%n",
                    broker.bootstrapServers(), String.join(", ", topics.all()));

            Path model = snapshot != null ? snapshot : trainModel(work);
            step(3, "Generating the live world (seed " + world.seed + ", new customers)");
            World live = WorldGenerator.generate(world.config());
            System.out.printf(
                    "  %d customers, %d transactions, %d presented signatures%n",
                    live.config().customers(),
                    live.transactions().size(),
                    live.presentedSignatures().size());

            step(4, "Starting the Flink job on a local MiniCluster");
            var config = job.configuration(kafka, topics, model);
            config.setString(PolygraphOptions.GROUP_ID.key(), GROUP_ID);
            SnapshotScorerFactory scorers = JobSettings.from(config).scorersOf(model);
            try (LocalFlinkJob running = LocalFlinkJob.start(config, job.webUiPort, scorers)) {
                System.out.printf("  Flink web UI at %s%n", running.webUiUrl());
                job.prometheusUrl()
                        .ifPresent(url -> System.out.printf("  Prometheus metrics at %s%n", url));
                running.awaitAllTasksRunning(Duration.ofMinutes(2));
                DemoSummary summary = stream(kafka, topics, live, running);
                summary.print(System.out);
            }
        }
        System.out.println("\nDemo finished; broker and job stopped.");
        return 0;
    }

    private Path trainModel(Path work) throws Exception {
        long seed = trainSeed != null ? trainSeed : world.seed + 1000;
        step(2, "Training " + detector.detector + " on a training world (seed " + seed + ")");
        World training = WorldGenerator.generate(world.config(seed));
        Path model = work.resolve(detector.detector + "-snapshot.zip");
        long calibrationSeed = seed + DetectorOptions.CALIBRATION_SEED_OFFSET;
        detector.train(
                training,
                () -> WorldGenerator.generate(world.config(calibrationSeed)),
                model,
                System.out);
        return model;
    }

    private DemoSummary stream(
            KafkaOptions kafka, TopicOptions topics, World live, LocalFlinkJob running)
            throws Exception {
        Map<String, AnomalyLabel> labels =
                live.labels().stream()
                        .collect(
                                Collectors.toMap(
                                        AnomalyLabel::getTransactionId, Function.identity()));
        AlertPrinter printer = new AlertPrinter(labels, printAlerts);
        List<String> inputs = List.of(topics.transactions, topics.profiles, topics.signatures);
        try (TopicWatcher<Alert> alerts =
                        new TopicWatcher<>(
                                kafka.clientConfig(), Topics.alerts(topics.alerts), printer);
                TopicWatcher<DeadLetter> deadLetters =
                        new TopicWatcher<>(
                                kafka.clientConfig(),
                                Topics.deadLetters(topics.deadLetters),
                                r -> {});
                WorldPublisher publisher =
                        new WorldPublisher(kafka.clientConfig(), topics.worldTopics());
                ConsumerGroupProgress progress =
                        new ConsumerGroupProgress(kafka.clientConfig(), GROUP_ID, inputs)) {
            step(
                    5,
                    String.format(
                            "Streaming %d events at %.0f/s; alerts as they arrive:",
                            live.eventsInTimeOrder().size(), rate));
            long start = System.nanoTime();
            long events = publisher.publish(live, rate, n -> {});
            var bad =
                    new BadRecords(topics.worldTopics(), world.seed)
                            .make(
                                    badRecords,
                                    live.transactions().get(0),
                                    live.enrolmentSignatures().get(0));
            publisher.publishRaw(bad.stream().map(BadRecords.BadRecord::record).toList());
            System.out.printf(
                    "  ... all %d events and %d damaged records published; waiting for the job to catch up%n",
                    events, bad.size());
            awaitCaughtUp(progress, running);
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(1500); // let the watchers read the last committed records
            var received = alerts.received();
            Map<String, Long> sentAt = publisher.publishedAtNanos();
            List<Double> latencies =
                    received.stream()
                            .filter(r -> sentAt.containsKey(r.value().getTransactionId()))
                            .map(
                                    r ->
                                            (r.receivedAtNanos()
                                                            - sentAt.get(
                                                                    r.value().getTransactionId()))
                                                    / 1e6)
                            .toList();
            AlertEvaluation quality =
                    AlertEvaluation.of(
                            live.labels(),
                            received.stream().map(r -> r.value().getTransactionId()).toList());
            return new DemoSummary(
                    events,
                    live.transactions().size(),
                    bad.size(),
                    received.size(),
                    deadLetters.count(),
                    quality,
                    LatencyStats.of(latencies),
                    seconds);
        }
    }

    private void awaitCaughtUp(ConsumerGroupProgress progress, LocalFlinkJob running)
            throws Exception {
        long deadline = System.nanoTime() + parseDuration(timeout).toNanos();
        while (System.nanoTime() < deadline) {
            running.checkRunning();
            if (progress.awaitCaughtUp(Duration.ofSeconds(2))) {
                return;
            }
        }
        throw new IllegalStateException(
                "the job did not catch up within "
                        + timeout
                        + "; still "
                        + progress.lag()
                        + " input records behind");
    }

    private static Duration parseDuration(String text) {
        return text.startsWith("P") || text.startsWith("p")
                ? Duration.parse(text)
                : org.apache.flink.util.TimeUtils.parseDuration(text);
    }

    private static void step(int number, String what) {
        System.out.printf("%n[%d/6] %s%n", number, what);
    }
}
