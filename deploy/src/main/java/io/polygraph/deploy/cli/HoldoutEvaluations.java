package io.polygraph.deploy.cli;

import io.polygraph.data.MnistFiles;
import io.polygraph.data.MnistSet;
import io.polygraph.eval.MetricSummary;
import io.polygraph.eval.report.DatasetEvaluation;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.ReportMetric;
import io.polygraph.eval.run.LeaveOneDigitOutExperiment;
import io.polygraph.gan.bigan.BiganConfig;
import io.polygraph.gan.mmoc.MmocConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code evaluate --dataset leave-one-digit-out}: the IGMM-GAN paper's MNIST protocol, IGMM-BiGAN
 * with EGBAD and a single Gaussian on the same BiGAN, and the MMOC-GAN sweep over its code counts.
 * Prints the mean AUROC over the held-out digits of each detector at the end.
 */
final class HoldoutEvaluations {

    /** Share of training rows flagged when {@code --target-alert-rate} is not given. */
    static final double DEFAULT_ALERT_RATE = 0.05;

    private HoldoutEvaluations() {}

    static DatasetEvaluation leaveOneDigitOut(EvaluateCommand options, ProgressBarListener progress)
            throws IOException {
        Path folder =
                options.data != null
                        ? MnistFiles.locateFolder(options.data)
                        : MnistFiles.locateFolder();
        MnistSet images = MnistFiles.readTraining(folder);
        if (options.trainImages != null) {
            images = images.first(options.trainImages);
        }
        long seed = options.seeds.get(0);
        double alertRate =
                options.targetAlertRate != null ? options.targetAlertRate : DEFAULT_ALERT_RATE;
        System.out.printf(
                "MNIST leave-one-digit-out: %d images (%s); digits %s held out in turn, the"
                        + " others split %.0f/%.0f; seed %d%n",
                images.size(),
                folder.toAbsolutePath().normalize(),
                options.holdout.digits,
                LeaveOneDigitOutExperiment.TRAINING_SHARE * 100,
                (1 - LeaveOneDigitOutExperiment.TRAINING_SHARE) * 100,
                seed);
        LeaveOneDigitOutExperiment experiment =
                new LeaveOneDigitOutExperiment(images, options.holdout.digits, alertRate, seed);
        BiganConfig bigan = LeaveOneDigitOutExperiment.DEFAULT_BIGAN;
        MmocConfig mmoc = LeaveOneDigitOutExperiment.DEFAULT_MMOC;
        if (options.epochs != null) {
            bigan = bigan.toBuilder().epochs(options.epochs).build();
            mmoc = mmoc.toBuilder().epochs(options.epochs).build();
        }
        List<DetectorEvaluation> detectors = new ArrayList<>(experiment.bigan(bigan, progress));
        detectors.addAll(experiment.mmoc(mmoc, options.holdout.codes(), progress));
        printMeanAuroc(detectors);
        return DatasetEvaluation.withRuns(
                LeaveOneDigitOutExperiment.RUN_LABEL,
                "mnist-leave-one-digit-out",
                String.format(
                        "MNIST leave-one-digit-out (the IGMM-GAN paper's protocol) on %,d images:"
                                + " for each held-out digit, train on %.0f %% of the other"
                                + " digits' images, test on the rest of them (normal) and every"
                                + " image of the digit (anomalies). One run per held-out digit:"
                                + " the mean AUROC is over the digits. Thresholds: each"
                                + " detector's own training scores at a %.1f %% alert rate.",
                        images.size(),
                        LeaveOneDigitOutExperiment.TRAINING_SHARE * 100,
                        alertRate * 100),
                detectors);
    }

    private static void printMeanAuroc(List<DetectorEvaluation> detectors) {
        System.out.println("Mean AUROC over the held-out digits:");
        for (DetectorEvaluation detector : detectors) {
            MetricSummary auroc = detector.summaryOf(ReportMetric.AUROC);
            System.out.printf(
                    "  %-40s %.3f ± %.3f (%d digits)%n",
                    detector.name(), auroc.mean(), auroc.standardDeviation(), auroc.count());
        }
    }
}
