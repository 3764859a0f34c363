package io.polygraph.deploy.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A Flink standalone session cluster on this machine: one JobManager and any number of
 * TaskManagers, each its own JVM ({@link FlinkProcessLauncher}), reachable through the REST API on
 * 127.0.0.1. TaskManagers can be killed and replaced while a job runs. Closing the cluster stops
 * every process it started; {@link #stop(ClusterLayout, Duration)} stops the processes of a cluster
 * that another JVM started, by their pid files.
 */
public final class LocalFlinkCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final ClusterLayout layout;
    private final FlinkProcessLauncher launcher;
    private final FlinkRestClient rest;
    private final List<ClusterProcess> processes = new ArrayList<>();
    private final List<ClusterProcess> taskManagers = new ArrayList<>();
    private int taskManagersStarted;

    private LocalFlinkCluster(FlinkDistribution distribution, ClusterLayout layout)
            throws IOException {
        this.layout = layout;
        this.launcher = new FlinkProcessLauncher(distribution, layout);
        this.rest = new FlinkRestClient(layout.restUrl());
    }

    /**
     * Starts a JobManager and {@code taskManagers} TaskManagers and waits until the REST API
     * answers and every TaskManager has registered. On failure the started processes are stopped.
     */
    public static LocalFlinkCluster start(
            FlinkDistribution distribution, ClusterLayout layout, int taskManagers)
            throws IOException, InterruptedException, TimeoutException {
        LocalFlinkCluster cluster = new LocalFlinkCluster(distribution, layout);
        try {
            cluster.remember(cluster.launcher.startJobManager());
            for (int i = 0; i < taskManagers; i++) {
                cluster.startTaskManager();
            }
            cluster.awaitTaskManagers(taskManagers);
            return cluster;
        } catch (IOException | InterruptedException | TimeoutException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Starts one more TaskManager (without waiting for it to register). */
    public ClusterProcess startTaskManager() throws IOException {
        taskManagersStarted++;
        ClusterProcess taskManager =
                launcher.startTaskManager("taskmanager-" + taskManagersStarted);
        taskManagers.add(taskManager);
        return remember(taskManager);
    }

    /** Kills {@code taskManager} with SIGKILL and waits until it is dead. */
    public void kill(ClusterProcess taskManager) throws InterruptedException, TimeoutException {
        taskManager.kill(STOP_GRACE);
        taskManagers.remove(taskManager);
    }

    /** The TaskManagers started and not killed, oldest first. */
    public List<ClusterProcess> taskManagers() {
        return List.copyOf(taskManagers);
    }

    /**
     * Waits until the REST API answers and at least {@code count} TaskManagers are registered,
     * failing early when a process died.
     */
    public void awaitTaskManagers(int count)
            throws InterruptedException, TimeoutException, IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!(rest.isUp() && rest.taskManagers() >= count)) {
            for (ClusterProcess process : processes) {
                if (!process.handle().isAlive()) {
                    throw new IllegalStateException(
                            process.name() + " ended at start; see " + process.log());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(
                        count + " TaskManagers did not register; see " + layout.logDir());
            }
            Thread.sleep(250);
        }
    }

    public FlinkRestClient rest() {
        return rest;
    }

    public ClusterLayout layout() {
        return layout;
    }

    /** Stops every process started by this object, TaskManagers first. */
    @Override
    public void close() throws InterruptedException {
        List<ClusterProcess> reversed = new ArrayList<>(processes);
        java.util.Collections.reverse(reversed);
        for (ClusterProcess process : reversed) {
            try {
                process.stop(STOP_GRACE);
            } catch (TimeoutException | RuntimeException e) {
                System.err.println("could not stop " + process.name() + ": " + e.getMessage());
            }
            try {
                Files.deleteIfExists(launcher.pidFile(process.name()));
            } catch (IOException e) {
                // a stale pid file is harmless: stop() checks that a pid is a Flink process
            }
        }
        processes.clear();
        taskManagers.clear();
    }

    /**
     * Stops the processes whose pid files are in {@code layout}'s working folder (a cluster started
     * by another JVM, e.g. {@code polygraph cluster up}) and returns their names. A pid that no
     * longer belongs to a Flink process is skipped.
     */
    public static List<String> stop(ClusterLayout layout, Duration grace)
            throws IOException, InterruptedException {
        List<String> stopped = new ArrayList<>();
        if (!Files.isDirectory(layout.pidDir())) {
            return stopped;
        }
        List<Path> pidFiles;
        try (Stream<Path> files = Files.list(layout.pidDir())) {
            // TaskManagers first, then the JobManager.
            pidFiles =
                    files.filter(f -> f.toString().endsWith(".pid"))
                            .sorted((a, b) -> b.getFileName().compareTo(a.getFileName()))
                            .toList();
        }
        for (Path pidFile : pidFiles) {
            String name = pidFile.getFileName().toString().replace(".pid", "");
            Optional<ProcessHandle> handle =
                    ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                            .filter(LocalFlinkCluster::isFlinkProcess);
            if (handle.isPresent()) {
                try {
                    new ClusterProcess(name, handle.get(), layout.logDir().resolve(name + ".log"))
                            .stop(grace);
                    stopped.add(name);
                } catch (TimeoutException e) {
                    throw new IllegalStateException("could not stop " + name, e);
                }
            }
            Files.delete(pidFile);
        }
        return stopped;
    }

    private static boolean isFlinkProcess(ProcessHandle handle) {
        return handle.info()
                .arguments()
                .map(
                        args ->
                                List.of(args).contains(FlinkProcessLauncher.JOB_MANAGER_ENTRY_POINT)
                                        || List.of(args)
                                                .contains(
                                                        FlinkProcessLauncher
                                                                .TASK_MANAGER_ENTRY_POINT))
                .orElse(false);
    }

    private ClusterProcess remember(ClusterProcess process) {
        processes.add(process);
        return process;
    }
}
