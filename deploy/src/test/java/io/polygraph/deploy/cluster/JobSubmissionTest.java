package io.polygraph.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.util.ParameterTool;
import org.junit.jupiter.api.Test;

class JobSubmissionTest {

    @Test
    void everySettingBecomesOneKeyValuePairOfArguments() {
        Configuration settings = new Configuration();
        settings.set(PolygraphOptions.BOOTSTRAP_SERVERS, "127.0.0.1:9092");
        settings.set(PolygraphOptions.PARALLELISM, 2);

        List<String> arguments = JobSubmission.arguments(settings);

        assertThat(arguments).hasSize(4);
        assertThat(arguments)
                .containsSubsequence(
                        "--" + PolygraphOptions.BOOTSTRAP_SERVERS.key(), "127.0.0.1:9092");
        assertThat(arguments).containsSubsequence("--" + PolygraphOptions.PARALLELISM.key(), "2");
        for (int i = 0; i < arguments.size(); i += 2) {
            assertThat(arguments.get(i)).startsWith("--");
            assertThat(arguments.get(i + 1)).doesNotStartWith("--");
        }
    }

    @Test
    void noSettingsNoArguments() {
        assertThat(JobSubmission.arguments(new Configuration())).isEmpty();
    }

    /**
     * The job's main class reads its arguments with Flink's {@link ParameterTool}: what it reads
     * back must be the settings submitted, values with spaces (durations) and separators included.
     */
    @Test
    void theJobReadsBackExactlyTheSettingsSubmitted() {
        Configuration settings = new Configuration();
        settings.set(PolygraphOptions.BOOTSTRAP_SERVERS, "127.0.0.1:9092,127.0.0.1:9093");
        settings.set(PolygraphOptions.GROUP_ID, "polygraph-cluster");
        settings.set(PolygraphOptions.ALERTS_TOPIC, "alerts-run-1");
        settings.set(PolygraphOptions.MODEL_SNAPSHOT_PATH, "/tmp/a folder/model.zip");
        settings.set(PolygraphOptions.DELIVERY_GUARANTEE, DeliveryGuarantee.EXACTLY_ONCE);
        settings.set(PolygraphOptions.TRANSACTIONAL_ID_PREFIX, "polygraph-run-1");
        settings.set(PolygraphOptions.CHECKPOINT_INTERVAL, Duration.ofMillis(1500));
        settings.set(PolygraphOptions.IDLENESS, Duration.ofHours(1));
        settings.set(PolygraphOptions.PARALLELISM, 2);

        Configuration readBack =
                ParameterTool.fromArgs(JobSubmission.arguments(settings).toArray(String[]::new))
                        .getConfiguration();

        assertThat(readBack.toMap()).isEqualTo(settings.toMap());
        JobSettings job = JobSettings.from(readBack);
        assertThat(job.checkpointInterval()).isEqualTo(Duration.ofMillis(1500));
        assertThat(job.alertsTopic().name()).isEqualTo("alerts-run-1");
        assertThat(job.modelSnapshotPath()).contains("/tmp/a folder/model.zip");
        assertThat(job.groupId()).isEqualTo("polygraph-cluster");
    }
}
