package io.polygraph.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.schema.Alert;
import io.polygraph.schema.ModalityWeight;
import io.polygraph.schema.Severity;
import io.polygraph.train.FusionConfig;
import io.polygraph.train.FusionTrainer;
import io.polygraph.train.TrainingListener;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import io.polygraph.world.WorldJoin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job scoring with a {@code dmafn} snapshot with attention fusion: its attention weights reach
 * the alerts ({@link SnapshotPipelineRun}'s scenario).
 *
 * <p>The detector is trained for one epoch on a tiny world; the job's threshold override (1.0,
 * above every possible score) then makes every scored transaction alert, so that the test sees each
 * of them without touching the snapshot.
 */
class DmafnSnapshotPipelineTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    void attentionWeightsOfTheVisibleModalitiesReachTheAlerts(@TempDir Path directory)
            throws Exception {
        Path snapshot = directory.resolve("dmafn.zip");
        FusionConfig config = FusionConfig.defaults().withEpochs(1).withSeed(7);
        WorldConfig world =
                WorldConfig.defaults().withSeed(7).withCustomers(15).withSpan(Duration.ofDays(7));
        new FusionTrainer(config)
                .train(
                        WorldJoin.join(WorldGenerator.generate(world), config.recentLimit()),
                        TrainingListener.NONE)
                .snapshot()
                .save(snapshot);
        Configuration alertOnEverything = new Configuration();
        alertOnEverything.set(PolygraphOptions.ALERT_THRESHOLD, 1.0);

        Map<String, Alert> alerts =
                SnapshotPipelineRun.alertsByTransaction(
                        snapshot, "polygraph-dmafn-pipeline-test", alertOnEverything);

        assertThat(alerts).containsOnlyKeys("e1-tx1", "e1-tx2", "e2-tx1");
        assertThat(alerts.values())
                .allSatisfy(
                        alert -> {
                            assertThat(alert.getModelName()).isEqualTo("dmafn");
                            assertThat(alert.getThreshold()).isEqualTo(1.0);
                            assertThat(alert.getSeverity()).isNotEqualTo(Severity.UNSPECIFIED);
                            assertThat(alert.getSummary()).startsWith(alert.getSeverity() + ":");
                            List<ModalityWeight> weights = alert.getModalityWeights();
                            assertThat(weights).isNotEmpty();
                            assertThat(
                                            weights.stream()
                                                    .mapToDouble(ModalityWeight::getWeight)
                                                    .sum())
                                    .isCloseTo(1.0, within(1e-4));
                            assertThat(weights)
                                    .extracting(ModalityWeight::getWeight)
                                    .isSortedAccordingTo((x, y) -> Double.compare(y, x));
                        });
        // A missing modality gets no weight: e2 has no profile, e1's signed transaction has one.
        assertThat(alerts.get("e2-tx1").getModalityWeights())
                .extracting(ModalityWeight::getName)
                .doesNotContain("profile")
                .contains("transaction");
        assertThat(alerts.get("e1-tx2").getModalityWeights())
                .extracting(ModalityWeight::getName)
                .contains("profile", "transaction", "presented-signature");
    }
}
