package io.polygraph.deploy.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.junit.jupiter.api.Test;

class ClusterConfigurationTest {

    private final ClusterLayout layout =
            new ClusterLayout(Path.of("/tmp/polygraph-cluster-test"), 18081, 16123, 3);

    @Test
    void everyProcessBindsToLoopbackOnTheLayoutsPorts() {
        Configuration config = ClusterConfiguration.of(layout);

        assertThat(config.get(JobManagerOptions.ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(config.get(JobManagerOptions.BIND_HOST)).isEqualTo("127.0.0.1");
        assertThat(config.get(JobManagerOptions.PORT)).isEqualTo(16123);
        assertThat(config.get(RestOptions.BIND_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(config.get(RestOptions.PORT)).isEqualTo(18081);
        assertThat(config.get(TaskManagerOptions.BIND_HOST)).isEqualTo("127.0.0.1");
        assertThat(config.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(3);
        assertThat(layout.restUrl()).isEqualTo("http://127.0.0.1:18081");
    }

    @Test
    void checkpointsLandInTheWorkingFolderAndFailuresAreNoticedWithinSeconds() {
        Configuration config = ClusterConfiguration.of(layout);

        assertThat(config.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo(Path.of("/tmp/polygraph-cluster-test/checkpoints").toUri().toString());
        assertThat(config.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT))
                .isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(config.get(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL))
                .isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theNativeLibraryStackIsLoadedParentFirst() {
        assertThat(
                        ClusterConfiguration.of(layout)
                                .get(CoreOptions.ALWAYS_PARENT_FIRST_LOADER_PATTERNS_ADDITIONAL))
                .contains("org.nd4j.", "org.bytedeco.", "org.deeplearning4j.");
    }

    /**
     * Flink derives the JVMs' memory options from it; a bad combination fails here, not at start.
     */
    @Test
    void memorySettingsAreConsistentForFlinksProcessSpecs() {
        Configuration config = ClusterConfiguration.of(layout);

        assertThat(
                        TaskExecutorProcessUtils.processSpecFromConfig(config)
                                .getTotalProcessMemorySize()
                                .getMebiBytes())
                .isEqualTo(1536);
        assertThat(JobManagerProcessUtils.processSpecFromConfig(config).getJvmHeapMemorySize())
                .isNotNull();
    }

    @Test
    void aLayoutNeedsASlot() {
        assertThatThrownBy(() -> new ClusterLayout(Path.of("/tmp/x"), 1, 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLayoutsFoldersLieInItsWorkingFolder() {
        ClusterLayout relative = new ClusterLayout(Path.of("cluster"), 1, 2, 1);

        assertThat(relative.workDir()).isAbsolute();
        assertThat(relative.logDir()).isEqualTo(relative.workDir().resolve("log"));
        assertThat(relative.pidDir()).isEqualTo(relative.workDir().resolve("pids"));
        assertThat(relative.configDir()).isEqualTo(relative.workDir().resolve("conf"));
        assertThat(relative.checkpointDir()).isEqualTo(relative.workDir().resolve("checkpoints"));
    }
}
