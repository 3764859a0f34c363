package io.polygraph.deploy.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Command-line options of {@code polygraph evaluate --dataset tabular}: the user's table, which of
 * its columns is the label, which label is normal, and how much of it is held out for testing.
 *
 * <p>Kept apart from {@link EvaluateCommand}'s own options so that they are checked together: they
 * are required with {@code --dataset tabular} and refused with any other dataset, where they would
 * be silently ignored.
 */
final class TabularOptions {

    @Option(
            names = "--file",
            paramLabel = "PATH",
            description =
                    "tabular: a .csv file (header row) or an .arff file of numeric and nominal"
                            + " columns, one of them the label.")
    Path file;

    @Option(
            names = "--label-column",
            paramLabel = "NAME",
            description = "tabular: the column holding each row's label.")
    String labelColumn;

    @Option(
            names = "--normal-label",
            paramLabel = "VALUE",
            description =
                    "tabular: the label of normal rows; every other label is an anomaly type"
                            + " (default: the most frequent label).")
    String normalLabel;

    @Option(
            names = "--test-share",
            paramLabel = "SHARE",
            description =
                    "tabular: share of each label's rows held out for testing; the detectors"
                            + " train on the rest without labels (default: 0.5).")
    Double testShare;

    /** Checks the options against the chosen dataset; {@code tabular}: whether it is this one. */
    void validate(CommandLine cli, boolean tabular) {
        boolean anyGiven =
                file != null || labelColumn != null || normalLabel != null || testShare != null;
        if (!tabular && anyGiven) {
            throw new ParameterException(
                    cli,
                    "--file, --label-column, --normal-label and --test-share are for --dataset"
                            + " tabular");
        }
        if (tabular && (file == null || labelColumn == null)) {
            throw new ParameterException(cli, "--dataset tabular needs --file and --label-column");
        }
        if (testShare != null && !(testShare >= 0.1 && testShare <= 0.9)) {
            throw new ParameterException(cli, "--test-share must be between 0.1 and 0.9");
        }
    }
}
