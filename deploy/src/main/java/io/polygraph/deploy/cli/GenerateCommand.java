package io.polygraph.deploy.cli;

import io.polygraph.deploy.kafka.TopicSetup;
import io.polygraph.deploy.world.WorldPublisher;
import io.polygraph.schema.AnomalyType;
import io.polygraph.world.World;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldFiles;
import io.polygraph.world.WorldGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code polygraph generate}: writes a synthetic world to Kafka and/or to Avro files. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description =
                "Generate a synthetic world (customers, profiles, transactions, signatures, labelled"
                        + " anomalies) and write it to Kafka and/or Avro container files.")
final class GenerateCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin WorldOptions world;

    @Option(names = "--out", paramLabel = "DIR", description = "Write Avro container files to DIR.")
    Path out;

    @ArgGroup(exclusive = false, heading = "Kafka (optional)%n")
    KafkaOptions kafka;

    @Mixin TopicOptions topics;

    @Option(
            names = "--rate",
            description =
                    "Events per second sent to Kafka; 0 = as fast as possible. Default: ${DEFAULT-VALUE}.")
    double rate = 0;

    @Override
    public Integer call() throws Exception {
        if (out == null && kafka == null) {
            throw new ParameterException(
                    spec.commandLine(), "give --out DIR, --bootstrap-servers, or both");
        }
        WorldConfig config = world.config();
        long start = System.nanoTime();
        World generated = WorldGenerator.generate(config);
        System.out.printf(
                "Generated world (seed %d): %d customers, %d transactions, %d presented signatures,"
                        + " %d labelled anomalies in %.1f s%n",
                config.seed(),
                config.customers(),
                generated.transactions().size(),
                generated.presentedSignatures().size(),
                generated.labels().stream().filter(l -> l.getType() != AnomalyType.NORMAL).count(),
                (System.nanoTime() - start) / 1e9);
        if (out != null) {
            WorldFiles.write(generated, out);
            System.out.println("Wrote Avro files to " + out.toAbsolutePath());
        }
        if (kafka != null) {
            new TopicSetup(kafka.clientConfig()).ensureTopics(topics.all(), 2);
            try (WorldPublisher publisher =
                    new WorldPublisher(kafka.clientConfig(), topics.worldTopics())) {
                long events = publisher.publish(generated, rate, n -> {});
                System.out.printf(
                        "Published %d events to %s (labels on %s)%n",
                        events, kafka.bootstrapServers, topics.labels);
            }
        }
        return 0;
    }
}
