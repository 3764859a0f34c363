package io.polygraph.eval.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.data.MnistFiles;
import io.polygraph.data.MnistTagProtocol;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.LossCurve;
import io.polygraph.eval.report.ReportMetric;
import io.polygraph.eval.report.SeedRun;
import io.polygraph.gan.bigan.BiganConfig;
import io.polygraph.mixture.MixtureConfig;
import io.polygraph.train.ImageTagConfig;
import io.polygraph.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GAN detectors of the MNIST image/tag protocol on a few hundred real images (fails when
 * ../shared/data is missing): tested on CMAD's test pairs, thresholded without test labels, one
 * loss curve per player.
 */
class ImageTagGanExperimentTest {

    private static final int TRAIN_IMAGES = 400;
    private static final int PAIRS_PER_KIND = 50;
    private static final int EPOCHS = 2;
    private static final List<Long> SEEDS = List.of(11L);

    private static ImageTagExperiment experiment;

    @BeforeAll
    static void readData() throws IOException {
        Path folder = MnistFiles.locateFolder();
        experiment =
                new ImageTagExperiment(
                        MnistFiles.readTraining(folder).first(TRAIN_IMAGES),
                        MnistFiles.readTest(folder),
                        MnistTagProtocol.defaults(),
                        PAIRS_PER_KIND);
    }

    @Test
    void mmocScoresEveryTestPairWithTheDiscriminatorGeneratorAndTargetCurves() {
        DetectorEvaluation mmoc =
                experiment.mmoc(
                        ImageTagExperiment.MMOC_GAN.toBuilder()
                                .epochs(EPOCHS)
                                .targetEpochs(EPOCHS)
                                .build(),
                        ImageTagConfig.defaults(),
                        SEEDS,
                        TrainingListener.NONE);

        assertThat(mmoc.name()).isEqualTo(ImageTagExperiment.MMOC_DETECTOR);
        assertTestedOnCmadsPairs(mmoc);
        assertCurves(
                mmoc.runs().get(0),
                GanLossCurves.DISCRIMINATOR,
                GanLossCurves.GENERATOR,
                GanLossCurves.TARGET);
        assertThat(mmoc.config()).containsEntry("epochs", EPOCHS);
    }

    @Test
    void igmmBiganScoresEveryTestPairWithTheDiscriminatorAndEncoderGeneratorCurves() {
        // 400 images leave about 360 codes: a minimum cluster of 50 would leave too few clusters.
        BiganConfig small =
                ImageTagExperiment.IGMM_BIGAN.toBuilder()
                        .epochs(EPOCHS)
                        .mixture(
                                MixtureConfig.defaults()
                                        .withSchedule(6, 2, 2)
                                        .withMinClusterSize(5))
                        .build();

        DetectorEvaluation bigan =
                experiment.igmmBigan(
                        small, ImageTagConfig.defaults(), SEEDS, TrainingListener.NONE);

        assertThat(bigan.name()).isEqualTo(ImageTagExperiment.IGMM_BIGAN_DETECTOR);
        assertTestedOnCmadsPairs(bigan);
        assertCurves(
                bigan.runs().get(0), GanLossCurves.DISCRIMINATOR, GanLossCurves.ENCODER_GENERATOR);
    }

    private static void assertTestedOnCmadsPairs(DetectorEvaluation detector) {
        assertThat(detector.runs()).hasSize(1);
        SeedRun run = detector.runs().get(0);
        assertThat(run.metrics().evaluated()).isEqualTo(2 * PAIRS_PER_KIND);
        assertThat(
                        detector.summaryOf(ReportMetric.TRUE_POSITIVES).mean()
                                + detector.summaryOf(ReportMetric.FALSE_NEGATIVES).mean())
                .isEqualTo(PAIRS_PER_KIND);
        assertThat(run.metrics().auroc()).isBetween(0.0, 1.0);
        assertThat(run.metrics().threshold()).isFinite();
    }

    private static void assertCurves(SeedRun run, String... names) {
        assertThat(run.trainingLoss()).extracting(LossCurve::name).containsExactly(names);
        for (LossCurve curve : run.trainingLoss()) {
            assertThat(curve.points()).as(curve.name()).hasSize(EPOCHS);
        }
    }
}
