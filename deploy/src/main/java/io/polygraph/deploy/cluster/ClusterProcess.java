package io.polygraph.deploy.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One JVM of a local Flink cluster, started by {@link FlinkProcessLauncher}.
 *
 * @param name the process's name in the cluster, e.g. {@code taskmanager-2}; also the name of its
 *     log and pid files
 * @param handle the operating system's process
 * @param log its Flink log file
 */
public record ClusterProcess(String name, ProcessHandle handle, Path log) {

    /**
     * Kills the process with SIGKILL (as a crash would end it: no shutdown hooks, no goodbye to the
     * JobManager) and waits until the operating system reports it dead.
     */
    public void kill(Duration timeout) throws InterruptedException, TimeoutException {
        handle.destroyForcibly();
        awaitExit(timeout);
    }

    /**
     * Asks the process to stop (SIGTERM), and kills it when it has not ended within {@code grace}.
     */
    public void stop(Duration grace) throws InterruptedException, TimeoutException {
        handle.destroy();
        try {
            awaitExit(grace);
        } catch (TimeoutException e) {
            kill(grace);
        }
    }

    private void awaitExit(Duration timeout) throws InterruptedException, TimeoutException {
        CompletableFuture<ProcessHandle> exit = handle.onExit();
        try {
            exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("waiting for " + name + " to exit", e);
        }
        if (handle.isAlive()) {
            throw new IllegalStateException(name + " (pid " + handle.pid() + ") is still alive");
        }
    }

    public long pid() {
        return handle.pid();
    }
}
