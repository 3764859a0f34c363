package io.polygraph.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.ImageTagDetectorType;
import io.polygraph.detector.ImageTagParameters;
import io.polygraph.detector.SnapshotManifest;
import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class PolygraphJobMainTest {

    @Test
    void argumentsBecomeSettings() {
        JobSettings settings =
                JobSettings.from(
                        PolygraphJobMain.configurationOf(
                                new String[] {
                                    "--polygraph.scoring.batch-size", "64",
                                    "--polygraph.kafka.bootstrap-servers", "broker:9092",
                                    "--polygraph.kafka.properties.security.protocol", "SSL"
                                }));

        assertThat(settings.batchSize()).isEqualTo(64);
        assertThat(settings.bootstrapServers()).contains("broker:9092");
        assertThat(settings.kafkaProperties()).containsEntry("security.protocol", "SSL");
    }

    @Test
    void aYamlConfigFileGivesSettingsAndArgumentsOverrideIt(@TempDir Path directory)
            throws Exception {
        Path file = directory.resolve("polygraph.yaml");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "polygraph:",
                        "  kafka:",
                        "    bootstrap-servers: broker:9092",
                        "    properties:",
                        "      security.protocol: SASL_SSL",
                        "  scoring.batch-size: 64",
                        "  sink.delivery-guarantee: exactly-once",
                        "  sink.transactional-id-prefix: polygraph-alerts",
                        "polygraph.join.max-wait: 5 s",
                        ""));

        JobSettings settings =
                JobSettings.from(
                        PolygraphJobMain.configurationOf(
                                new String[] {
                                    "--config-file",
                                    file.toString(),
                                    "--polygraph.scoring.batch-size",
                                    "128"
                                }));

        assertThat(settings.bootstrapServers()).contains("broker:9092");
        assertThat(settings.kafkaProperties()).containsEntry("security.protocol", "SASL_SSL");
        assertThat(settings.maxJoinWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.batchSize()).isEqualTo(128);
        assertThat(settings.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(settings.transactionalIdPrefix()).contains("polygraph-alerts");
    }

    @Test
    void mainWithoutModelSnapshotFailsNamingTheKey() {
        assertThatThrownBy(
                        () ->
                                PolygraphJobMain.main(
                                        new String[] {
                                            "--polygraph.kafka.bootstrap-servers", "broker:9092"
                                        }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(PolygraphOptions.MODEL_SNAPSHOT_PATH.key());
    }

    // Without the early check main would go on to submit the job, hence the timeout.
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mainWithASnapshotThatScoresNoTransactionsFailsBeforeBuildingTheJob(@TempDir Path directory)
            throws Exception {
        Path file = directory.resolve("mnist.zip");
        imageTagSnapshot().save(file);

        assertThatThrownBy(
                        () ->
                                PolygraphJobMain.main(
                                        new String[] {
                                            "--polygraph.kafka.bootstrap-servers",
                                            "broker:9092",
                                            "--" + PolygraphOptions.MODEL_SNAPSHOT_PATH.key(),
                                            file.toString()
                                        }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(
                        "holds a cmad-image-tag detector, which scores (image, tag) pairs, not"
                                + " transactions");
    }

    /** A snapshot of the MNIST (image, tag) detector; its network is never parsed here. */
    private static DetectorSnapshot imageTagSnapshot() {
        SnapshotManifest manifest =
                new SnapshotManifest(
                        SnapshotManifest.FORMAT_VERSION,
                        ImageTagDetectorType.ID,
                        "mnist",
                        "test",
                        "2026-01-01T00:00:00Z",
                        0.3,
                        0.01,
                        null,
                        null,
                        new ImageTagParameters(28, 100, 0.3).toJson(),
                        null,
                        null);
        return new DetectorSnapshot(
                manifest, Map.of(ImageTagDetectorType.IMAGE_TAG, new byte[] {1, 2, 3}));
    }
}
