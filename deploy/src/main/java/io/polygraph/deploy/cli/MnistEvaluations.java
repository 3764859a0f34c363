package io.polygraph.deploy.cli;

import io.polygraph.data.MnistFiles;
import io.polygraph.data.MnistSet;
import io.polygraph.data.MnistTagProtocol;
import io.polygraph.eval.report.DatasetEvaluation;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.HeatMap;
import io.polygraph.eval.run.ContaminationExperiment;
import io.polygraph.eval.run.ImageTagExperiment;
import io.polygraph.gan.bigan.BiganConfig;
import io.polygraph.gan.mmoc.MmocConfig;
import io.polygraph.train.ImageTagConfig;
import io.polygraph.unsupervised.SelectionConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;

/** The MNIST-based evaluations of {@code polygraph evaluate}: the image/tag protocol and DUAD. */
final class MnistEvaluations {

    private MnistEvaluations() {}

    static DatasetEvaluation imageTag(EvaluateCommand options, ProgressBarListener progress)
            throws IOException {
        Path folder = folder(options);
        MnistSet train = training(options, folder);
        MnistSet test = MnistFiles.readTest(folder);
        System.out.printf(
                "MNIST image/tag protocol: %d training images; %d right-tag and %d wrong-tag test"
                        + " pairs of unseen images per seed (%s)%n",
                train.size(),
                options.testPairs,
                options.testPairs,
                folder.toAbsolutePath().normalize());
        ImageTagExperiment experiment =
                new ImageTagExperiment(train, test, MnistTagProtocol.defaults(), options.testPairs);
        ImageTagConfig config = ImageTagConfig.defaults();
        if (options.epochs != null) {
            config = config.withEpochs(options.epochs);
        }
        if (options.targetAlertRate != null) {
            config = config.withTargetAlertRate(options.targetAlertRate);
        }
        List<DetectorEvaluation> detectors = new ArrayList<>();
        detectors.add(experiment.cmad(config, options.seeds, progress));
        // The GANs read the protocol's own configurations; --epochs replaces their epochs (both
        // of MMOC-GAN's networks), the alert rate and held-out share are CMAD's.
        if (options.rowModelVariants.mmoc()) {
            MmocConfig mmoc = ImageTagExperiment.MMOC_GAN;
            if (options.epochs != null) {
                mmoc = mmoc.toBuilder().epochs(options.epochs).targetEpochs(options.epochs).build();
            }
            detectors.add(experiment.mmoc(mmoc, config, options.seeds, progress));
        }
        if (options.rowModelVariants.igmmBigan()) {
            BiganConfig bigan = ImageTagExperiment.IGMM_BIGAN;
            if (options.epochs != null) {
                bigan = bigan.toBuilder().epochs(options.epochs).build();
            }
            detectors.add(experiment.igmmBigan(bigan, config, options.seeds, progress));
        }
        List<HeatMap> heatMaps =
                options.sweep
                        ? experiment.sensitivity(
                                config.withEpochs(options.sweepEpochs),
                                gammas(),
                                epsilons(),
                                progress)
                        : List.of();
        return DatasetEvaluation.of(
                "mnist-image-tag",
                String.format(
                        "The CMAD paper's MNIST protocol: %,d training images with tags of their"
                                + " digit; test: %,d wrong-tag and %,d right-tag pairs of unseen"
                                + " images per seed. CMAD's anomaly score: minus the cosine;"
                                + " threshold: minus epsilon. GANs: one-class scores of the"
                                + " image's pixels followed by its tag, threshold on held-out"
                                + " right-tag images for the same alert rate.",
                        train.size(), options.testPairs, options.testPairs),
                detectors,
                heatMaps);
    }

    static DatasetEvaluation contaminated(EvaluateCommand options, ProgressBarListener progress)
            throws IOException {
        Path folder = folder(options);
        MnistSet train = training(options, folder);
        System.out.printf(
                "MNIST one-class: digit %d normal, other digits at %s of the rows%n",
                options.normalDigit, Arrays.toString(options.contamination));
        List<DetectorEvaluation> detectors =
                new ContaminationExperiment(train, MnistFiles.readTest(folder), options.normalDigit)
                        .compare(
                                options.contamination,
                                ContaminationExperiment.DEFAULT_AUTOENCODER,
                                SelectionConfig.defaults(),
                                options.seeds,
                                progress);
        return DatasetEvaluation.of(
                "mnist-one-class-digit-" + options.normalDigit,
                String.format(
                        "MNIST as one-class data: digit %d is normal, other digits are mixed into"
                                + " the unlabelled training rows and the test rows at the given"
                                + " share. DUAD (iterative normal-subset selection) against the"
                                + " same autoencoder trained as many epochs on all rows. Score:"
                                + " arccos of the cosine of input and reconstruction; threshold:"
                                + " the training rows' quantile at one minus the contamination.",
                        options.normalDigit),
                detectors,
                List.of());
    }

    private static Path folder(EvaluateCommand options) {
        return options.data != null
                ? MnistFiles.locateFolder(options.data)
                : MnistFiles.locateFolder();
    }

    private static MnistSet training(EvaluateCommand options, Path folder) throws IOException {
        MnistSet train = MnistFiles.readTraining(folder);
        return options.trainImages != null ? train.first(options.trainImages) : train;
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
