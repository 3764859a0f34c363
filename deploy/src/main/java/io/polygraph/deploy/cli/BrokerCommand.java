package io.polygraph.deploy.cli;

import io.polygraph.deploy.kafka.LocalKafkaBroker;
import io.polygraph.deploy.kafka.TopicSetup;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code polygraph broker}: starts a local KRaft broker with Polygraph's topics and keeps it up.
 */
@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        description =
                "Start a local Kafka broker (KRaft, 127.0.0.1) with Polygraph's topics; Ctrl-C stops it.")
final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--port", description = "Client port. Default: ${DEFAULT-VALUE}.")
    int port = 9092;

    @Option(
            names = "--data-dir",
            description = "Log directory, kept across restarts. Default: a temporary directory.")
    Path dataDir;

    @Option(
            names = "--partitions",
            description = "Partitions per topic. Default: ${DEFAULT-VALUE}.")
    int partitions = 2;

    @Mixin TopicOptions topics;

    @Override
    public Integer call() throws Exception {
        LocalKafkaBroker broker =
                LocalKafkaBroker.start(new LocalKafkaBroker.Settings(dataDir, port));
        new TopicSetup(broker.adminConfig()).ensureTopics(topics.all(), partitions);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        broker.close();
                                    } catch (Exception e) {
                                        System.err.println("broker shutdown: " + e);
                                    }
                                    stopped.countDown();
                                }));
        System.out.printf(
                "Kafka broker running at %s (data in %s); topics: %s%nPress Ctrl-C to stop.%n",
                broker.bootstrapServers(), broker.dataDir(), String.join(", ", topics.all()));
        stopped.await();
        return 0;
    }
}
