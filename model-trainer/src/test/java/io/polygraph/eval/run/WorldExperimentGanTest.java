package io.polygraph.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.LossCurve;
import io.polygraph.eval.report.SeedRun;
import io.polygraph.gan.bigan.BiganConfig;
import io.polygraph.gan.mmoc.MmocConfig;
import io.polygraph.mixture.MixtureConfig;
import io.polygraph.train.BiganDetectorConfig;
import io.polygraph.train.InputScaling;
import io.polygraph.train.MmocDetectorConfig;
import io.polygraph.train.TrainingListener;
import io.polygraph.world.WorldConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The GAN detectors (MMOC-GAN, IGMM-BiGAN) in the world experiment, on a tiny world with tiny
 * networks: a run per seed through the snapshot, one loss curve per player, and a clear failure
 * when the world is too small for IGMM-BiGAN's mixture.
 */
class WorldExperimentGanTest {

    private static final int EPOCHS = 2;
    private static final WorldConfig TINY =
            WorldConfig.defaults().withCustomers(40).withSpan(Duration.ofDays(6));
    private static final List<Long> SEEDS = List.of(3L);

    // Small networks and a short Gibbs schedule: the library defaults are for full-size worlds.
    private static final MmocDetectorConfig MMOC =
            MmocDetectorConfig.defaults()
                    .withGan(
                            MmocConfig.builder()
                                    .discriminatorHidden(List.of(16))
                                    .generatorHidden(List.of(16))
                                    .noiseWidth(4)
                                    .codes(3)
                                    .batchSize(64)
                                    .inputScaling(InputScaling.RAW)
                                    .build())
                    .withEpochs(EPOCHS);

    private static final BiganDetectorConfig BIGAN =
            BiganDetectorConfig.defaults()
                    .withGan(
                            BiganConfig.builder()
                                    .encoderHidden(List.of(16))
                                    .generatorHidden(List.of(16))
                                    .discriminatorHidden(List.of(16))
                                    .latentWidth(3)
                                    .batchSize(64)
                                    .learningRate(1e-3)
                                    .inputScaling(InputScaling.RAW)
                                    .mixture(
                                            MixtureConfig.defaults()
                                                    .withSchedule(6, 2, 2)
                                                    .withMinClusterSize(5))
                                    .build())
                    .withEpochs(EPOCHS);

    @Test
    void mmocIsTestedAtItsSnapshotsThresholdWithTheDiscriminatorGeneratorAndTargetCurves() {
        DetectorEvaluation mmoc =
                new WorldExperiment(TINY).mmoc(MMOC, SEEDS, TrainingListener.NONE);

        assertThat(mmoc.name()).isEqualTo(WorldExperiment.MMOC_DETECTOR);
        assertThat(mmoc.runs()).hasSize(1);
        SeedRun run = mmoc.runs().get(0);
        assertThat(run.metrics().auroc()).isBetween(0.0, 1.0);
        // The snapshot's calibrated threshold, negated into the anomaly-score convention.
        assertThat(run.metrics().threshold()).isFinite().isBetween(-1.0, 1.0);
        assertPerPlayerCurves(
                run, GanLossCurves.DISCRIMINATOR, GanLossCurves.GENERATOR, GanLossCurves.TARGET);
        // A GAN row counts as multimodal in the gain (it reads every modality).
        DetectorEvaluation singleModality =
                DetectorEvaluation.of(WorldBaselineExperiment.PCA_PROFILE, Map.of(), mmoc.runs());
        assertThat(WorldBaselineExperiment.multimodalAuprcGain(List.of(mmoc, singleModality)))
                .isEqualTo(1.0);
    }

    @Test
    void igmmBiganIsTestedAtItsSnapshotsThresholdWithTheDiscriminatorAndEncoderGeneratorCurves() {
        DetectorEvaluation bigan =
                new WorldExperiment(TINY).igmmBigan(BIGAN, SEEDS, TrainingListener.NONE);

        assertThat(bigan.name()).isEqualTo(WorldExperiment.IGMM_BIGAN_DETECTOR);
        assertThat(bigan.runs()).hasSize(1);
        SeedRun run = bigan.runs().get(0);
        assertThat(run.metrics().auroc()).isBetween(0.0, 1.0);
        assertThat(run.metrics().threshold()).isFinite().isBetween(-1.0, 1.0);
        assertPerPlayerCurves(run, GanLossCurves.DISCRIMINATOR, GanLossCurves.ENCODER_GENERATOR);
        assertThat(bigan.config()).containsKeys("gan", "targetAlertRate");
    }

    @Test
    void aWorldTooSmallForTheMixtureFailsNamingTheDetectorAndTheMinimumClusterSize() {
        // Fewer normal training records than the paper's minimum cluster size (50): no cluster
        // can be kept, whatever the networks learn.
        WorldConfig tiniest = WorldConfig.defaults().withCustomers(4).withSpan(Duration.ofDays(2));
        BiganDetectorConfig paperMixture =
                BIGAN.withGan(
                        BIGAN.gan().toBuilder()
                                .epochs(1)
                                .mixture(MixtureConfig.defaults().withSchedule(6, 2, 2))
                                .build());

        assertThatThrownBy(
                        () ->
                                new WorldExperiment(tiniest)
                                        .igmmBigan(paperMixture, SEEDS, TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(WorldExperiment.IGMM_BIGAN_DETECTOR + ", seed 3")
                .hasMessageContaining("minClusterSize = 50");
    }

    private static void assertPerPlayerCurves(SeedRun run, String... names) {
        assertThat(run.trainingLoss()).extracting(LossCurve::name).containsExactly(names);
        for (LossCurve curve : run.trainingLoss()) {
            assertThat(curve.points()).as(curve.name()).hasSize(EPOCHS);
            assertThat(curve.points())
                    .as(curve.name())
                    .allSatisfy(point -> assertThat(point.loss()).isFinite());
        }
    }
}
