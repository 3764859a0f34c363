package io.polygraph.deploy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code polygraph} command: the end-to-end demo and its parts (a local broker, the world
 * generator, the trainer and the job), so that a user can run Polygraph against their own Kafka.
 */
@Command(
        name = "polygraph",
        mixinStandardHelpOptions = true,
        version = "polygraph 0.1.0",
        description = "Real-time multimodal fraud and anomaly detection on Apache Flink.",
        subcommands = {
            DemoCommand.class,
            BrokerCommand.class,
            GenerateCommand.class,
            TrainCommand.class,
            RunCommand.class
        })
public final class PolygraphCli implements Runnable {

    /** Avro 1.12 reads specific records only from trusted packages (see STACK.md). */
    static final String TRUSTED_AVRO_PACKAGES = "io.polygraph.schema";

    public static void main(String[] args) {
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", TRUSTED_AVRO_PACKAGES);
        System.exit(new CommandLine(new PolygraphCli()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
