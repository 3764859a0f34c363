package io.polygraph.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import org.junit.jupiter.api.Test;

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
}
