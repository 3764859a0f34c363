package io.polygraph.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.autoencoder.ReconstructionCalibration;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.ReasonCodes;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.schema.Alert;
import io.polygraph.train.AutoencoderConfig;
import io.polygraph.train.AutoencoderDetectorConfig;
import io.polygraph.train.AutoencoderDetectorTrainer;
import io.polygraph.train.AutoencoderTrainingResult;
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
 * The job graph of {@link PolygraphJob#build} scoring with a real {@code autoencoder} snapshot,
 * loaded through {@link SnapshotScorerFactory} in every subtask: the job runs a new detector type
 * without a line of its own code changed ({@link SnapshotPipelineRun}).
 *
 * <p>The detector is trained on a tiny generated world, and its threshold then raised above every
 * possible score, so that every scored transaction alerts and the test can see each of them.
 */
class AutoencoderSnapshotPipelineTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    void theJobScoresWithAnAutoencoderSnapshot(@TempDir Path directory) throws Exception {
        Path snapshot = directory.resolve("autoencoder.zip");
        alwaysAlertingAutoencoder().snapshot().save(snapshot);

        Map<String, Alert> alerts =
                SnapshotPipelineRun.alertsByTransaction(
                        snapshot, "polygraph-autoencoder-pipeline-test");

        assertThat(alerts).containsOnlyKeys("e1-tx1", "e1-tx2", "e2-tx1");
        assertThat(alerts.values())
                .allSatisfy(
                        alert -> {
                            assertThat(alert.getModelName()).isEqualTo("autoencoder");
                            assertThat(alert.getScore()).isBetween(-1.0, 1.0);
                            assertThat(alert.getReasonCodes())
                                    .contains(ReasonCodes.RECONSTRUCTION_ANOMALOUS);
                        });
        assertThat(alerts.get("e2-tx1").getReasonCodes()).contains(ReasonCodes.PROFILE_MISSING);
        // As in PolygraphJobPipelineTest, the profile and the presented signature are joined for
        // certain; whether the enrolment signature is depends on the sources' interleaving.
        assertThat(alerts.get("e1-tx2").getContributions())
                .extracting(c -> c.getName())
                .contains("transaction", "profile", "presented-signature");
    }

    private static AutoencoderTrainingResult alwaysAlertingAutoencoder() {
        WorldConfig world =
                WorldConfig.defaults().withSeed(7).withCustomers(15).withSpan(Duration.ofDays(7));
        AutoencoderDetectorConfig config =
                AutoencoderDetectorConfig.defaults()
                        .withNetwork(new AutoencoderConfig(List.of(16), 4, 64, 1e-3, 0.0, 0.0, 0))
                        .withEpochs(1);
        AutoencoderTrainingResult trained =
                new AutoencoderDetectorTrainer(config)
                        .train(
                                WorldJoin.join(
                                        WorldGenerator.generate(world), config.recentLimit()),
                                TrainingListener.NONE);
        ReconstructionCalibration fitted = trained.detector().calibration();
        ReconstructionCalibration strict =
                new ReconstructionCalibration(
                        fitted.overall(), fitted.blocks(), 1.0, fitted.targetAlertRate());
        ModelInfo info = trained.detector().modelInfo();
        return new AutoencoderTrainingResult(
                trained.detector()
                        .withCalibration(
                                new ModelInfo(
                                        info.name(),
                                        info.version(),
                                        1.0,
                                        info.featureSpecVersion()),
                                strict),
                trained.config(),
                trained.epochLosses(),
                trained.duad(),
                trained.heldOut(),
                trained.trainingRecords(),
                trained.heldOutRecords(),
                trained.duration());
    }
}
