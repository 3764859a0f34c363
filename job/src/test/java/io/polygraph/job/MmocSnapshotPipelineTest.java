package io.polygraph.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.RawScoreCalibration;
import io.polygraph.detector.ReasonCodes;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.gan.mmoc.MmocConfig;
import io.polygraph.schema.Alert;
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
 * The job graph of {@link PolygraphJob#build} scoring with a real {@code mmoc} snapshot, loaded
 * through {@link SnapshotScorerFactory} in every subtask ({@link SnapshotPipelineRun}).
 *
 * <p>The detector is trained on a tiny generated world, and its threshold then raised above every
 * possible score, so that every scored transaction alerts and the test can see each of them.
 */
class MmocSnapshotPipelineTest {

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

        Map<String, Alert> alerts =
                SnapshotPipelineRun.alertsByTransaction(snapshot, "polygraph-mmoc-pipeline-test");

        assertThat(alerts).containsOnlyKeys("e1-tx1", "e1-tx2", "e2-tx1");
        assertThat(alerts.values())
                .allSatisfy(
                        alert -> {
                            assertThat(alert.getModelName()).isEqualTo("mmoc");
                            assertThat(alert.getScore()).isStrictlyBetween(-1.0, 1.0);
                            assertThat(alert.getReasonCodes())
                                    .contains(ReasonCodes.SCORED_ANOMALOUS);
                            // The discriminator judges the row as a whole: nothing to attribute.
                            assertThat(alert.getContributions()).isEmpty();
                        });
        assertThat(alerts.get("e2-tx1").getReasonCodes()).contains(ReasonCodes.PROFILE_MISSING);
        assertThat(alerts.get("e1-tx1").getReasonCodes())
                .doesNotContain(ReasonCodes.PROFILE_MISSING);
    }

    private static MmocTrainingResult alwaysAlertingMmoc() {
        WorldConfig world =
                WorldConfig.defaults().withSeed(7).withCustomers(15).withSpan(Duration.ofDays(7));
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
                                        WorldGenerator.generate(world), config.recentLimit()),
                                TrainingListener.NONE);
        RawScoreCalibration fitted = trained.detector().calibration();
        ModelInfo info = trained.detector().modelInfo();
        return new MmocTrainingResult(
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
