package io.polygraph.deploy.cli;

import io.polygraph.data.TabularDataset;
import io.polygraph.data.TabularReader;
import io.polygraph.eval.report.DatasetEvaluation;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.run.TabularConfig;
import io.polygraph.eval.run.TabularExperiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The user's-own-table evaluation of {@code polygraph evaluate --dataset tabular}: DUAD, the plain
 * autoencoder and PCA reconstruction on a CSV or ARFF file ({@link TabularExperiment}).
 *
 * <p>The shared options mean here: {@code --seeds}, one split and training per seed; {@code
 * --epochs}, DUAD's epochs between two re-selections (the paper's r, default 10, at most 10
 * rounds), the plain autoencoder then training as many epochs as DUAD did in all; {@code
 * --target-alert-rate}, the share of training rows each detector's threshold flags (default: the
 * training rows' share of anomalies). A file the reader or the experiment cannot use ends the
 * command with the reader's or the experiment's one-line message, which names the path (and the
 * line where there is one), through {@link PolygraphCli}'s handler.
 */
final class TabularEvaluations {

    private TabularEvaluations() {}

    static DatasetEvaluation evaluate(EvaluateCommand options, ProgressBarListener progress)
            throws IOException {
        TabularOptions table = options.tabular;
        TabularReader reader =
                table.normalLabel == null
                        ? TabularReader.labelledBy(table.labelColumn)
                        : TabularReader.labelledBy(table.labelColumn, Set.of(table.normalLabel));
        TabularDataset data = reader.read(table.file);
        TabularConfig config = config(options);
        TabularExperiment experiment = new TabularExperiment(table.file.toString(), data, config);
        System.out.printf(
                "Table %s: %,d rows, %d feature columns, %,d anomalous; %.0f %% of each label held"
                        + " out for testing, %d seed(s)%n",
                table.file.toAbsolutePath().normalize(),
                data.size(),
                data.featureNames().size(),
                data.anomalyCount(),
                config.testShare() * 100,
                options.seeds.size());
        List<DetectorEvaluation> detectors = experiment.compare(options.seeds, progress);
        return DatasetEvaluation.of(
                "tabular-" + baseName(table.file), experiment.description(), detectors, List.of());
    }

    private static TabularConfig config(EvaluateCommand options) {
        TabularConfig config = TabularConfig.defaults();
        if (options.tabular.testShare != null) {
            config = config.withTestShare(options.tabular.testShare);
        }
        if (options.targetAlertRate != null) {
            config = config.withTargetAlertRate(options.targetAlertRate);
        }
        if (options.epochs != null) {
            config = config.withSelection(config.selection().withReselectEvery(options.epochs));
        }
        return config;
    }

    /** The file's name without its extension. */
    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
