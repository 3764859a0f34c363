package io.polygraph.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.RawScoreCalibration;
import io.polygraph.detector.ReasonCodes;
import io.polygraph.detector.RowModelDetector;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.gan.bigan.BiganConfig;
import io.polygraph.gan.mmoc.MmocConfig;
import io.polygraph.mixture.MixtureConfig;
import io.polygraph.schema.Alert;
import io.polygraph.train.BiganDetectorConfig;
import io.polygraph.train.BiganDetectorTrainer;
import io.polygraph.train.BiganTrainingResult;
import io.polygraph.train.InputScaling;
import io.polygraph.train.MmocDetectorConfig;
import io.polygraph.train.MmocDetectorTrainer;
import io.polygraph.train.MmocTrainingResult;
import io.polygraph.train.TrainingListener;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import io.polygraph.world.WorldJoin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job graph of {@link PolygraphJob#build} scoring with real snapshots of the row-model
 * detectors ({@code mmoc}, {@code igmm-bigan}), loaded through {@link SnapshotScorerFactory} in
 * every subtask ({@link SnapshotPipelineRun}).
 *
 * <p>Each detector is trained on a tiny generated world, and its threshold then raised above every
 * possible score, so that every scored transaction alerts and the test can see each of them.
 */
class RowModelSnapshotPipelineTest {

    private static final WorldConfig WORLD =
            WorldConfig.defaults().withSeed(7).withCustomers(15).withSpan(Duration.ofDays(7));

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    void theJobScoresWithAnMmocSnapshot(@TempDir Path directory) throws Exception {
        Path snapshot = directory.resolve("mmoc.zip");
        alwaysAlertingMmoc().snapshot().save(snapshot);

        assertScoredAsWholeRows(
                SnapshotPipelineRun.alertsByTransaction(snapshot, "polygraph-mmoc-pipeline-test"),
                "mmoc");
    }

    @Test
    void theJobScoresWithAnIgmmBiganSnapshot(@TempDir Path directory) throws Exception {
        Path snapshot = directory.resolve("igmm-bigan.zip");
        alwaysAlertingBigan().snapshot().save(snapshot);

        assertScoredAsWholeRows(
                SnapshotPipelineRun.alertsByTransaction(
                        snapshot, "polygraph-igmm-bigan-pipeline-test"),
                "igmm-bigan");
    }

    private static void assertScoredAsWholeRows(Map<String, Alert> alerts, String model) {
        assertThat(alerts).containsOnlyKeys("e1-tx1", "e1-tx2", "e2-tx1");
        assertThat(alerts.values())
                .allSatisfy(
                        alert -> {
                            assertThat(alert.getModelName()).isEqualTo(model);
                            assertThat(alert.getScore()).isStrictlyBetween(-1.0, 1.0);
                            assertThat(alert.getReasonCodes())
                                    .contains(ReasonCodes.SCORED_ANOMALOUS);
                            // The model judges the row as a whole: nothing to attribute.
                            assertThat(alert.getContributions()).isEmpty();
                        });
        assertThat(alerts.get("e2-tx1").getReasonCodes()).contains(ReasonCodes.PROFILE_MISSING);
        assertThat(alerts.get("e1-tx1").getReasonCodes())
                .doesNotContain(ReasonCodes.PROFILE_MISSING);
    }

    private static MmocTrainingResult alwaysAlertingMmoc() {
        MmocDetectorConfig config =
                MmocDetectorConfig.defaults()
                        .withGan(
                                MmocConfig.builder()
                                        .discriminatorHidden(List.of(8, 8))
                                        .generatorHidden(List.of(8))
                                        .noiseWidth(4)
                                        .codes(2)
                                        .batchSize(64)
                                        .epochs(1)
                                        .targetEpochs(1)
                                        .inputScaling(InputScaling.RAW)
                                        .build());
        MmocTrainingResult trained =
                new MmocDetectorTrainer(config)
                        .train(
                                WorldJoin.join(
                                        WorldGenerator.generate(WORLD), config.recentLimit()),
                                TrainingListener.NONE);
        return new MmocTrainingResult(
                alwaysAlerting(trained.detector()),
                trained.config(),
                trained.training(),
                trained.heldOut(),
                trained.trainingRecords(),
                trained.heldOutRecords(),
                trained.duration());
    }

    private static BiganTrainingResult alwaysAlertingBigan() {
        BiganDetectorConfig config =
                BiganDetectorConfig.defaults()
                        .withGan(
                                BiganConfig.builder()
                                        .encoderHidden(List.of(8))
                                        .generatorHidden(List.of(8))
                                        .discriminatorHidden(List.of(8))
                                        .latentWidth(2)
                                        .batchSize(64)
                                        .epochs(1)
                                        .learningRate(1e-3)
                                        .inputScaling(InputScaling.RAW)
                                        .mixture(
                                                MixtureConfig.defaults()
                                                        .withSchedule(4, 1, 1)
                                                        .withMinClusterSize(2))
                                        .build());
        BiganTrainingResult trained =
                new BiganDetectorTrainer(config)
                        .train(
                                WorldJoin.join(
                                        WorldGenerator.generate(WORLD), config.recentLimit()),
                                TrainingListener.NONE);
        return new BiganTrainingResult(
                alwaysAlerting(trained.detector()),
                trained.config(),
                trained.training(),
                trained.heldOut(),
                trained.trainingRecords(),
                trained.heldOutRecords(),
                trained.duration());
    }

    /** {@code detector} with its threshold above every score: every record alerts. */
    private static RowModelDetector alwaysAlerting(RowModelDetector detector) {
        RawScoreCalibration fitted = detector.calibration();
        ModelInfo info = detector.modelInfo();
        return detector.withCalibration(
                new ModelInfo(info.name(), info.version(), 1.0, info.featureSpecVersion()),
                new RawScoreCalibration(fitted.overall(), 1.0, fitted.targetAlertRate()));
    }
}
