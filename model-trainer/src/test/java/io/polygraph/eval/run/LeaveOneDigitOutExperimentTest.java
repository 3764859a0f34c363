package io.polygraph.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.data.MnistFiles;
import io.polygraph.data.MnistSet;
import io.polygraph.eval.LabelledScores;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.LossCurve;
import io.polygraph.eval.report.SeedRun;
import io.polygraph.gan.bigan.BiganConfig;
import io.polygraph.gan.mmoc.MmocConfig;
import io.polygraph.train.TrainingListener;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The leave-one-digit-out protocol on the first 1,500 real MNIST training images, with tiny
 * trainings (fails when ../shared/data is missing).
 */
class LeaveOneDigitOutExperimentTest {

    private static final double ALERT_RATE = 0.05;

    private static MnistSet images;

    @BeforeAll
    static void readData() throws IOException {
        images = MnistFiles.readTraining(MnistFiles.locateFolder()).first(1500);
    }

    @Test
    void oneBiganTrainingPerDigitGivesTheMixtureEgbadAndSingleGaussianRuns() {
        BiganConfig quick =
                LeaveOneDigitOutExperiment.DEFAULT_BIGAN.toBuilder()
                        .epochs(2)
                        .mixture(
                                LeaveOneDigitOutExperiment.DEFAULT_BIGAN
                                        .mixture()
                                        .withSchedule(20, 10, 5))
                        .build();

        List<DetectorEvaluation> detectors =
                new LeaveOneDigitOutExperiment(images, List.of(0, 7), ALERT_RATE, 3)
                        .bigan(quick, TrainingListener.NONE);

        assertThat(detectors)
                .extracting(DetectorEvaluation::name)
                .containsExactly(
                        LeaveOneDigitOutExperiment.IGMM,
                        LeaveOneDigitOutExperiment.EGBAD,
                        LeaveOneDigitOutExperiment.SINGLE_GAUSSIAN);
        for (DetectorEvaluation detector : detectors) {
            // One run per held-out digit, keyed by the digit.
            assertThat(detector.runs()).extracting(SeedRun::seed).containsExactly(0L, 7L);
            for (SeedRun run : detector.runs()) {
                assertThat(run.metrics().auroc()).isBetween(0.0, 1.0);
                assertHeldOutDigitIsTheOnlyAnomaly(run);
                assertThresholdFromTrainingRowsFlagsAboutTheAlertRateOfNormalRows(run);
            }
        }
        assertThat(detectors.get(0).runs().get(0).trainingLoss())
                .extracting(LossCurve::name)
                .containsExactly("discriminator", "encoder/generator");
        assertThat(detectors.get(0).runs().get(0).trainingLoss().get(0).points()).hasSize(2);
        assertThat(detectors.get(0).config()).containsKey("keptClustersPerDigit");
    }

    @Test
    void theMmocSweepTrainsOneDetectorPerCodeCount() {
        MmocConfig quick =
                LeaveOneDigitOutExperiment.DEFAULT_MMOC.toBuilder()
                        .epochs(2)
                        .targetEpochs(2)
                        .build();

        List<DetectorEvaluation> detectors =
                new LeaveOneDigitOutExperiment(images, List.of(4), ALERT_RATE, 3)
                        .mmoc(quick, List.of(1, 3), TrainingListener.NONE);

        assertThat(detectors)
                .extracting(DetectorEvaluation::name)
                .containsExactly("MMOC-GAN (m = 1)", "MMOC-GAN (m = 3)");
        for (DetectorEvaluation detector : detectors) {
            SeedRun run = detector.runs().get(0);
            assertThat(run.seed()).isEqualTo(4L);
            assertHeldOutDigitIsTheOnlyAnomaly(run);
            assertThat(run.trainingLoss())
                    .extracting(LossCurve::name)
                    .containsExactly("discriminator", "generator", "target network");
        }
        assertThat(detectors.get(1).config().get("trainer").toString()).contains("codes=3");
    }

    @Test
    void refusesNoDigitsAndImpossibleAlertRates() {
        assertThatThrownBy(() -> new LeaveOneDigitOutExperiment(images, List.of(), ALERT_RATE, 1))
                .hasMessageContaining("no digit");
        assertThatThrownBy(() -> new LeaveOneDigitOutExperiment(images, List.of(1), 0.7, 1))
                .hasMessageContaining("alert rate");
    }

    private static void assertHeldOutDigitIsTheOnlyAnomaly(SeedRun run) {
        int digit = (int) run.seed();
        long imagesOfDigit =
                IntStream.range(0, images.size()).filter(i -> images.digit(i) == digit).count();
        assertThat(run.metrics().positiveTypes()).containsExactly(DigitHoldout.HELD_OUT_DIGIT);
        assertThat(run.metrics().byType().get(DigitHoldout.HELD_OUT_DIGIT).records())
                .isEqualTo(imagesOfDigit);
    }

    private static void assertThresholdFromTrainingRowsFlagsAboutTheAlertRateOfNormalRows(
            SeedRun run) {
        // Normal test rows come from the training rows' distribution: a threshold set on the
        // training scores (never on test labels) flags about the alert rate of them.
        double falseAlarms = run.metrics().byType().get(LabelledScores.NORMAL).flaggedShare();
        assertThat(falseAlarms).isBetween(0.0, 3 * ALERT_RATE);
    }
}
