package io.polygraph.it;

import io.polygraph.deploy.demo.ConsumerGroupProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.InMemoryReporter;

/**
 * Breaks a running job on the test's MiniCluster, one failure at a time, and waits until it has
 * recovered: restarted (the job master's {@code numRestarts} went up) and completed a checkpoint
 * afterwards (which needs every task running again).
 *
 * <p>Each failure happens after a checkpoint has completed since the last recovery, so that there
 * is both committed output behind it and uncommitted output in flight. The input still waiting to
 * be processed at each failure is kept, so that the test can tell failures mid-run from failures
 * after the end.
 */
final class Disruptions {

    private final MiniCluster cluster;
    private final JobID job;
    private final InMemoryReporter metrics;
    private final ConsumerGroupProgress progress;
    private final Duration timeout;
    private final List<Long> lagAtFailures = new ArrayList<>();
    private int terminatedTaskManagers;

    /**
     * @param cluster the MiniCluster running {@code job}, with one slot per TaskManager and as many
     *     TaskManagers as the job's parallelism, so that every live TaskManager runs a subtask
     * @param progress the job's consumer group, to note how much input was left at each failure
     * @param timeout longest wait for each step
     */
    Disruptions(
            MiniCluster cluster,
            JobID job,
            InMemoryReporter metrics,
            ConsumerGroupProgress progress,
            Duration timeout) {
        this.cluster = cluster;
        this.job = job;
        this.metrics = metrics;
        this.progress = progress;
        this.timeout = timeout;
    }

    /** Lets the {@link FailureInjector} throw once, then waits for the recovery. */
    void injectException() throws Exception {
        awaitNextCheckpoint();
        long restarts = counters().numRestarts();
        int fired = FailureInjector.fired();
        FailureInjector.arm();
        Awaiting.until(
                "the injected failure fired", timeout, () -> FailureInjector.fired() > fired);
        lagAtFailures.add(progress.lag());
        awaitRecovery(restarts);
    }

    /** Terminates a TaskManager that runs a subtask, starts a new one, waits for the recovery. */
    void replaceTaskManager() throws Exception {
        awaitNextCheckpoint();
        long restarts = counters().numRestarts();
        lagAtFailures.add(progress.lag());
        // terminateTaskManager(i) closes the i-th TaskManager ever started (closed ones stay in
        // the MiniCluster's list), so the n-th termination hits the oldest live one. Every live
        // TaskManager runs a subtask: one slot each, as many as the job's parallelism.
        cluster.terminateTaskManager(terminatedTaskManagers).get();
        terminatedTaskManagers++;
        cluster.startTaskManager();
        awaitRecovery(restarts);
    }

    /** TaskManagers terminated so far. */
    int terminatedTaskManagers() {
        return terminatedTaskManagers;
    }

    /** Input records the job had not committed at each failure, in order. */
    List<Long> lagAtFailures() {
        return List.copyOf(lagAtFailures);
    }

    private void awaitRecovery(long restartsBefore) throws Exception {
        Awaiting.until(
                "the job restarted", timeout, () -> counters().numRestarts() > restartsBefore);
        awaitNextCheckpoint();
    }

    private void awaitNextCheckpoint() throws Exception {
        long completed = counters().completedCheckpoints();
        Awaiting.until(
                "a checkpoint completed",
                timeout,
                () -> counters().completedCheckpoints() > completed);
    }

    private JobCounters counters() {
        return JobCounters.of(metrics, job);
    }
}
