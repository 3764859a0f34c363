package io.polygraph.deploy.cli;

import io.polygraph.data.MnistFiles;
import io.polygraph.data.MnistSet;
import io.polygraph.data.MnistTagProtocol;
import io.polygraph.eval.report.DatasetEvaluation;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.HeatMap;
import io.polygraph.eval.run.ContaminationExperiment;
import io.polygraph.eval.run.ImageTagExperiment;
import io.polygraph.eval.run.WorldExperiment;
import io.polygraph.train.ImageTagConfig;
import io.polygraph.train.TrainerConfig;
import io.polygraph.unsupervised.SelectionConfig;
import io.polygraph.world.WorldConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.DoubleStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polygraph evaluate}: trains and tests detectors on one dataset, several seeds each, and
 * writes {@code report.json} and {@code report.html}.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description =
                "Train and test detectors on a dataset over several seeds; write report.json"
                        + " (every metric, config, seeds, wall time) and report.html (comparison"
                        + " table, ROC and precision-recall curves, score histograms, loss curves).")
final class EvaluateCommand implements Callable<Integer> {

    /** The datasets this command can evaluate on. */
    enum Dataset {
        /** The CMAD paper's MNIST image/tag protocol. */
        mnist,
        /** The synthetic world: profiles, transactions and signatures, with injected anomalies. */
        world,
        /** MNIST as one-class data with other digits mixed in: DUAD against a plain autoencoder. */
        contaminated
    }

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--dataset",
            required = true,
            description = "Dataset: ${COMPLETION-CANDIDATES}.")
    Dataset dataset;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description =
                    "Shared data folder holding mnist/ (default: -Dpolygraph.shared.data, else"
                            + " ../shared/data).")
    Path data;

    @Option(
            names = "--seeds",
            split = ",",
            defaultValue = "1,2,3",
            description = "Seeds, one training run each (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(
            names = "--train-images",
            paramLabel = "N",
            description =
                    "Train on the first N training images only (default: all), for a quick run.")
    Integer trainImages;

    @Option(
            names = "--test-pairs",
            paramLabel = "N",
            defaultValue = "1019",
            description = "Right-tag and wrong-tag test pairs, each (default: ${DEFAULT-VALUE}).")
    int testPairs;

    @Option(names = "--epochs", description = "Training epochs (default: the detector's).")
    Integer epochs;

    @Option(
            names = "--target-alert-rate",
            paramLabel = "RATE",
            description =
                    "Share of held-out normal records allowed to alert; sets the threshold"
                            + " (default: the detector's).")
    Double targetAlertRate;

    @Option(
            names = "--sweep",
            description =
                    "Also run the gamma x epsilon sensitivity sweep (one training per gamma,"
                            + " first seed).")
    boolean sweep;

    @Option(
            names = "--sweep-epochs",
            defaultValue = "5",
            description = "Training epochs per gamma in the sweep (default: ${DEFAULT-VALUE}).")
    int sweepEpochs;

    @Mixin WorldShapeOptions worldShape;

    @Option(
            names = "--normal-digit",
            defaultValue = "0",
            description = "contaminated: the digit that is normal (default: ${DEFAULT-VALUE}).")
    int normalDigit;

    @Option(
            names = "--contamination",
            split = ",",
            defaultValue = "0.05,0.1,0.2",
            description =
                    "contaminated: shares of other digits in training and test rows (default:"
                            + " ${DEFAULT-VALUE}).")
    double[] contamination;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Folder for report.json and report.html (created if missing).")
    Path out;

    @Override
    public Integer call() throws Exception {
        validate();
        DatasetEvaluation evaluation;
        try (ProgressBarListener progress = new ProgressBarListener()) {
            evaluation =
                    switch (dataset) {
                        case mnist -> mnist(progress);
                        case world -> world(progress);
                        case contaminated -> contaminated(progress);
                    };
        }
        new ReportFiles(out).write(evaluation, System.out);
        return 0;
    }

    private DatasetEvaluation mnist(ProgressBarListener progress) throws Exception {
        Path folder = data != null ? MnistFiles.locateFolder(data) : MnistFiles.locateFolder();
        MnistSet train = MnistFiles.readTraining(folder);
        if (trainImages != null) {
            train = train.first(trainImages);
        }
        MnistSet test = MnistFiles.readTest(folder);
        System.out.printf(
                "MNIST image/tag protocol: %d training images; %d right-tag and %d wrong-tag test"
                        + " pairs of unseen images per seed (%s)%n",
                train.size(), testPairs, testPairs, folder.toAbsolutePath().normalize());
        ImageTagExperiment experiment =
                new ImageTagExperiment(train, test, MnistTagProtocol.defaults(), testPairs);
        ImageTagConfig config = ImageTagConfig.defaults();
        if (epochs != null) {
            config = config.withEpochs(epochs);
        }
        if (targetAlertRate != null) {
            config = config.withTargetAlertRate(targetAlertRate);
        }
        DetectorEvaluation cmad = experiment.cmad(config, seeds, progress);
        List<HeatMap> heatMaps =
                sweep
                        ? experiment.sensitivity(
                                config.withEpochs(sweepEpochs), gammas(), epsilons(), progress)
                        : List.of();
        return DatasetEvaluation.of(
                "mnist-image-tag",
                String.format(
                        "The CMAD paper's MNIST protocol: %,d training images with tags of their"
                                + " digit; test: %,d wrong-tag and %,d right-tag pairs of unseen"
                                + " images per seed. Anomaly score: minus the cosine; threshold:"
                                + " minus epsilon.",
                        train.size(), testPairs, testPairs),
                List.of(cmad),
                heatMaps);
    }

    private DatasetEvaluation world(ProgressBarListener progress) {
        WorldConfig shape = worldShape.config(0);
        System.out.printf(
                "Synthetic world: %d customers over %d days per world; seed s trains on world"
                        + " s+%d and tests on world s (new customers and writers)%n",
                shape.customers(), shape.span().toDays(), WorldExperiment.TRAINING_SEED_OFFSET);
        TrainerConfig config = TrainerConfig.defaults();
        if (epochs != null) {
            config = config.withEpochs(epochs);
        }
        if (targetAlertRate != null) {
            config = config.withTargetAlertRate(targetAlertRate);
        }
        DetectorEvaluation cmad = new WorldExperiment(shape).cmad(config, seeds, progress);
        return DatasetEvaluation.of(
                "world",
                String.format(
                        "Synthetic multimodal world, %d customers over %d days; train on world"
                                + " s+%d, test on world s. Positives: signature and behaviour"
                                + " mismatches; outliers are reported per type only. Anomaly"
                                + " score: minus the calibrated consistency score.",
                        shape.customers(),
                        shape.span().toDays(),
                        WorldExperiment.TRAINING_SEED_OFFSET),
                List.of(cmad),
                List.of());
    }

    private DatasetEvaluation contaminated(ProgressBarListener progress) throws Exception {
        Path folder = data != null ? MnistFiles.locateFolder(data) : MnistFiles.locateFolder();
        MnistSet train = MnistFiles.readTraining(folder);
        if (trainImages != null) {
            train = train.first(trainImages);
        }
        System.out.printf(
                "MNIST one-class: digit %d normal, other digits at %s of the rows%n",
                normalDigit, Arrays.toString(contamination));
        List<DetectorEvaluation> detectors =
                new ContaminationExperiment(train, MnistFiles.readTest(folder), normalDigit)
                        .compare(
                                contamination,
                                ContaminationExperiment.DEFAULT_AUTOENCODER,
                                SelectionConfig.defaults(),
                                seeds,
                                progress);
        return DatasetEvaluation.of(
                "mnist-one-class-digit-" + normalDigit,
                String.format(
                        "MNIST as one-class data: digit %d is normal, other digits are mixed into"
                                + " the unlabelled training rows and the test rows at the given"
                                + " share. DUAD (iterative normal-subset selection) against the"
                                + " same autoencoder trained as many epochs on all rows. Score:"
                                + " arccos of the cosine of input and reconstruction; threshold:"
                                + " the training rows' quantile at one minus the contamination.",
                        normalDigit),
                detectors,
                List.of());
    }

    private void validate() {
        if (sweep && dataset != Dataset.mnist) {
            throw new ParameterException(spec.commandLine(), "--sweep is for --dataset mnist");
        }
        if (normalDigit < 0 || normalDigit > 9) {
            throw new ParameterException(spec.commandLine(), "--normal-digit must be 0..9");
        }
        for (double share : contamination) {
            if (!(share > 0 && share < 0.5)) {
                throw new ParameterException(
                        spec.commandLine(), "--contamination shares must be above 0 and below 0.5");
            }
        }
        if (seeds.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--seeds needs at least one seed");
        }
        if ((epochs != null && epochs < 1) || sweepEpochs < 1) {
            throw new ParameterException(spec.commandLine(), "epochs must be at least 1");
        }
        if (trainImages != null && trainImages < 20) {
            throw new ParameterException(spec.commandLine(), "--train-images must be at least 20");
        }
        if (targetAlertRate != null && !(targetAlertRate > 0 && targetAlertRate < 0.5)) {
            throw new ParameterException(
                    spec.commandLine(), "--target-alert-rate must be above 0 and below 0.5");
        }
        if (testPairs < 1 || testPairs > 5000) {
            throw new ParameterException(
                    spec.commandLine(), "--test-pairs must be between 1 and 5000");
        }
    }

    /** The paper's gamma grid: -0.4, -0.3, ..., 0.5. */
    private static double[] gammas() {
        return grid(-0.4, 10);
    }

    /** The paper's epsilon grid: -0.2, -0.1, ..., 0.7. */
    private static double[] epsilons() {
        return grid(-0.2, 10);
    }

    private static double[] grid(double first, int count) {
        return DoubleStream.iterate(0, i -> i + 1)
                .limit(count)
                .map(i -> Math.round((first + 0.1 * i) * 10) / 10.0)
                .toArray();
    }
}
