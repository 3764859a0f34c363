package io.polygraph.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.RawScoreCalibration;
import io.polygraph.detector.ReasonCodes;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.gan.bigan.BiganConfig;
import io.polygraph.mixture.MixtureConfig;
import io.polygraph.schema.Alert;
import io.polygraph.train.BiganDetectorConfig;
import io.polygraph.train.BiganDetectorTrainer;
import io.polygraph.train.BiganTrainingResult;
import io.polygraph.train.InputScaling;
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
 * The job graph of {@link PolygraphJob#build} scoring with a real {@code igmm-bigan} snapshot,
 * loaded through {@link SnapshotScorerFactory} in every subtask ({@link SnapshotPipelineRun}).
 *
 * <p>The detector is trained on a tiny generated world, and its threshold then raised above every
 * possible score, so that every scored transaction alerts and the test can see each of them.
 */
class BiganSnapshotPipelineTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    void theJobScoresWithAnIgmmBiganSnapshot(@TempDir Path directory) throws Exception {
        Path snapshot = directory.resolve("igmm-bigan.zip");
        alwaysAlertingBigan().snapshot().save(snapshot);

        Map<String, Alert> alerts =
                SnapshotPipelineRun.alertsByTransaction(
                        snapshot, "polygraph-igmm-bigan-pipeline-test");

        assertThat(alerts).containsOnlyKeys("e1-tx1", "e1-tx2", "e2-tx1");
        assertThat(alerts.values())
                .allSatisfy(
                        alert -> {
                            assertThat(alert.getModelName()).isEqualTo("igmm-bigan");
                            assertThat(alert.getScore()).isStrictlyBetween(-1.0, 1.0);
                            assertThat(alert.getReasonCodes())
                                    .contains(ReasonCodes.SCORED_ANOMALOUS);
                            // The encoder judges the row as a whole: nothing to attribute.
                            assertThat(alert.getContributions()).isEmpty();
                        });
        assertThat(alerts.get("e2-tx1").getReasonCodes()).contains(ReasonCodes.PROFILE_MISSING);
        assertThat(alerts.get("e1-tx1").getReasonCodes())
                .doesNotContain(ReasonCodes.PROFILE_MISSING);
    }

    private static BiganTrainingResult alwaysAlertingBigan() {
        WorldConfig world =
                WorldConfig.defaults().withSeed(7).withCustomers(15).withSpan(Duration.ofDays(7));
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
                                        WorldGenerator.generate(world), config.recentLimit()),
                                TrainingListener.NONE);
        RawScoreCalibration fitted = trained.detector().calibration();
        ModelInfo info = trained.detector().modelInfo();
        return new BiganTrainingResult(
                trained.detector()
                        .withCalibration(
                                new ModelInfo(
                                        info.name(),
                                        info.version(),
                                        1.0,
                                        info.featureSpecVersion()),
                                new RawScoreCalibration(
                                        fitted.overall(), 1.0, fitted.targetAlertRate())),
                trained.config(),
                trained.training(),
                trained.heldOut(),
                trained.trainingRecords(),
                trained.heldOutRecords(),
                trained.duration());
    }
}
