package io.polygraph.deploy.cluster;

import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;

/**
 * The Flink configuration of a local standalone cluster: loopback addresses, small memory sizes
 * (three JVMs share a 2-core machine with the broker), checkpoints in the working folder, short
 * heartbeats so that a killed TaskManager is noticed within seconds, metrics in the REST API at
 * most a second old, and restarts that keep trying while a replacement TaskManager starts.
 */
public final class ClusterConfiguration {

    /**
     * Packages loaded from the cluster's class loader even when a job jar has them: the ND4J stack
     * loads native libraries, which a JVM binds to one class loader (see {@link
     * FlinkDistribution}). The FlinkDeployment of deploy/k8s sets the same list for the job image
     * (KubernetesManifestsTest compares them).
     */
    public static final List<String> PARENT_FIRST_PATTERNS =
            List.of("org.nd4j.", "org.bytedeco.", "org.deeplearning4j.");

    /** Upload limit of the REST API: the job jar is about 16 MB. */
    private static final int MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

    private ClusterConfiguration() {}

    /** The configuration every process of the cluster in {@code layout} starts with. */
    public static Configuration of(ClusterLayout layout) {
        Configuration config = new Configuration();
        config.set(JobManagerOptions.ADDRESS, ClusterLayout.HOST);
        config.set(JobManagerOptions.BIND_HOST, ClusterLayout.HOST);
        config.set(JobManagerOptions.PORT, layout.rpcPort());
        config.set(RestOptions.ADDRESS, ClusterLayout.HOST);
        config.set(RestOptions.BIND_ADDRESS, ClusterLayout.HOST);
        config.set(RestOptions.PORT, layout.restPort());
        config.set(RestOptions.SERVER_MAX_CONTENT_LENGTH, MAX_UPLOAD_BYTES);
        config.set(WebOptions.UPLOAD_DIR, layout.workDir().resolve("uploads").toString());
        config.set(TaskManagerOptions.HOST, ClusterLayout.HOST);
        config.set(TaskManagerOptions.BIND_HOST, ClusterLayout.HOST);
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, layout.slotsPerTaskManager());
        config.set(CoreOptions.TMP_DIRS, layout.workDir().resolve("tmp").toString());
        config.set(
                CoreOptions.ALWAYS_PARENT_FIRST_LOADER_PATTERNS_ADDITIONAL, PARENT_FIRST_PATTERNS);

        config.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse("1g"));
        // ND4J allocates off the Java heap (JavaCPP), within the JVM overhead and task off-heap.
        config.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse("1536m"));
        config.set(TaskManagerOptions.MANAGED_MEMORY_FRACTION, 0.1f);
        config.set(TaskManagerOptions.TASK_OFF_HEAP_MEMORY, MemorySize.parse("128m"));
        config.set(TaskManagerOptions.JVM_METASPACE, MemorySize.parse("384m"));

        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        config.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                layout.checkpointDir().toUri().toString());
        config.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(2));
        config.set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, Duration.ofSeconds(10));
        // Metrics read through the REST API (a source's position) at most a second old.
        config.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofSeconds(1));
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 20);
        config.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(2));
        return config;
    }
}
