package io.polygraph.deploy.cli;

import io.polygraph.eval.report.DatasetEvaluation;
import io.polygraph.train.FusionConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
        contaminated,
        /** The user's own CSV or ARFF table with a label column: DUAD, autoencoder and PCA. */
        tabular,
        /** Real signatures: enrolled genuine ones against a presented genuine one or a forgery. */
        signatures,
        /**
         * MNIST leave-one-digit-out: IGMM-BiGAN against EGBAD and a single Gaussian, and the
         * MMOC-GAN code sweep.
         */
        leaveOneDigitOut("leave-one-digit-out");

        private final String option;

        Dataset() {
            this.option = name();
        }

        Dataset(String option) {
            this.option = option;
        }

        /** As {@code --dataset} spells it: picocli matches and lists enum values by this too. */
        @Override
        public String toString() {
            return option;
        }
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
                    "Shared data folder holding mnist/ and signatures/ (default:"
                            + " -Dpolygraph.shared.data, else ../shared/data).")
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

    @Option(
            names = "--epochs",
            description =
                    "Training epochs (default: the detector's; tabular: epochs per DUAD round).")
    Integer epochs;

    @Option(
            names = "--target-alert-rate",
            paramLabel = "RATE",
            description =
                    "Share of held-out normal records allowed to alert; sets the threshold"
                            + " (default: the detector's; tabular: share of training rows"
                            + " flagged, default their anomaly share).")
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

    @Mixin FusionVariants fusionVariants;
    @Mixin RowModelVariants rowModelVariants;

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

    @Mixin TabularOptions tabular;

    @Mixin HoldoutOptions holdout;

    @Option(
            names = "--enrolment",
            paramLabel = "N",
            description = "signatures: genuine signatures enrolled per writer (default: 3).")
    Integer enrolment;

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
                        case mnist -> MnistEvaluations.imageTag(this, progress);
                        case world -> WorldEvaluations.detectors(this, progress);
                        case contaminated -> MnistEvaluations.contaminated(this, progress);
                        case tabular -> TabularEvaluations.evaluate(this, progress);
                        case signatures -> SignatureEvaluations.verification(this, progress);
                        case leaveOneDigitOut ->
                                HoldoutEvaluations.leaveOneDigitOut(this, progress);
                    };
        }
        new ReportFiles(out).write(evaluation, System.out);
        return 0;
    }

    private void validate() {
        try {
            fusionVariants.configs(FusionConfig.defaults());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        tabular.validate(spec.commandLine(), dataset == Dataset.tabular);
        if (sweep && dataset != Dataset.mnist) {
            throw new ParameterException(spec.commandLine(), "--sweep is for --dataset mnist");
        }
        if (enrolment != null && dataset != Dataset.signatures) {
            throw new ParameterException(
                    spec.commandLine(), "--enrolment is for --dataset signatures");
        }
        if (enrolment != null && enrolment < 1) {
            throw new ParameterException(spec.commandLine(), "--enrolment must be at least 1");
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
        holdout.validate(spec.commandLine());
        if (dataset == Dataset.leaveOneDigitOut
                && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--seeds")
                && seeds.size() != 1) {
            // Its runs are the held-out digits: a second seed would need a second axis.
            throw new ParameterException(
                    spec.commandLine(), "--dataset leave-one-digit-out takes one seed in --seeds");
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
}
