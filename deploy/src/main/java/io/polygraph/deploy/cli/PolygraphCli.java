package io.polygraph.deploy.cli;

import io.polygraph.gan.TrainingDivergedException;
import java.io.IOException;
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
            EvaluateCommand.class,
            RunCommand.class,
            BenchCommand.class,
            AnnounceCommand.class,
            ClusterCommand.class,
            io.polygraph.deploy.backends.BackendBenchCommand.class
        })
public final class PolygraphCli implements Runnable {

    /** Exit code of a command whose input was bad ({@link #commandLine()}). */
    static final int EXIT_BAD_INPUT = 1;

    /**
     * Exit code of a command whose training diverged: apart from bad input (1) and usage errors
     * (picocli's 2), since the inputs were acceptable and rerunning with another seed or setting
     * may succeed.
     */
    static final int EXIT_TRAINING_DIVERGED = 3;

    /** Avro 1.12 reads specific records only from trusted packages (see STACK.md). */
    static final String TRUSTED_AVRO_PACKAGES = "io.polygraph.schema";

    public static void main(String[] args) {
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", TRUSTED_AVRO_PACKAGES);
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with its error handling: a bad input (a data file that cannot be read or
     * parsed, an argument a command rejects) ends with one line naming the command and what was
     * wrong, and exit code {@value #EXIT_BAD_INPUT}; a diverged training run ({@link
     * TrainingDivergedException}) likewise, with exit code {@value #EXIT_TRAINING_DIVERGED};
     * anything else is a bug and keeps its stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine root = new CommandLine(new PolygraphCli());
        JobOptionsHelp.addTo(root.getSubcommands().get("run"));
        JobOptionsHelp.addTo(root.getSubcommands().get("demo"));
        JobOptionsHelp.addTo(root.getSubcommands().get("cluster").getSubcommands().get("submit"));
        return root.setExecutionExceptionHandler(
                (exception, cli, parseResult) -> {
                    if (!isBadInput(exception)) {
                        throw exception;
                    }
                    cli.getErr()
                            .println(
                                    cli.getColorScheme()
                                            .errorText(
                                                    cli.getCommandName()
                                                            + ": "
                                                            + exception.getMessage()));
                    return exception instanceof TrainingDivergedException
                            ? EXIT_TRAINING_DIVERGED
                            : EXIT_BAD_INPUT;
                });
    }

    private static boolean isBadInput(Exception exception) {
        return exception instanceof IOException
                || exception instanceof IllegalArgumentException
                || exception instanceof IllegalStateException;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
