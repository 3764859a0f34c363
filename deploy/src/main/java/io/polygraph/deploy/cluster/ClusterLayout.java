package io.polygraph.deploy.cluster;

import java.nio.file.Path;

/**
 * Where a local Flink cluster lives and listens: a working folder (configuration, logs, pid files,
 * checkpoints, uploaded jars), the REST port of the JobManager (web UI and job submission), its RPC
 * port, and the task slots of each TaskManager. Everything binds to 127.0.0.1 only.
 *
 * @param workDir the cluster's working folder
 * @param restPort REST and web UI port of the JobManager
 * @param rpcPort RPC port of the JobManager, where TaskManagers register
 * @param slotsPerTaskManager task slots of each TaskManager
 */
public record ClusterLayout(Path workDir, int restPort, int rpcPort, int slotsPerTaskManager) {

    /** The loopback address every cluster process binds to and advertises. */
    public static final String HOST = "127.0.0.1";

    public ClusterLayout {
        workDir = workDir.toAbsolutePath();
        if (slotsPerTaskManager < 1) {
            throw new IllegalArgumentException("slots per task manager must be positive");
        }
    }

    /** The folder Flink reads its {@code config.yaml} from. */
    public Path configDir() {
        return workDir.resolve("conf");
    }

    /** The folder of the processes' logs ({@code <name>.log}, and {@code <name>.out}). */
    public Path logDir() {
        return workDir.resolve("log");
    }

    /** The folder of the processes' pid files. */
    public Path pidDir() {
        return workDir.resolve("pids");
    }

    /** The folder checkpoints are written to, shared by all processes (same machine). */
    public Path checkpointDir() {
        return workDir.resolve("checkpoints");
    }

    /** The base URL of the REST API and web UI. */
    public String restUrl() {
        return "http://" + HOST + ":" + restPort;
    }
}
