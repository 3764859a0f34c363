package io.polygraph.it;

import io.polygraph.deploy.demo.ConsumerGroupProgress;
import io.polygraph.deploy.demo.TopicWatcher;
import io.polygraph.schema.Alert;
import java.time.Duration;
import java.util.List;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;

/**
 * Waits until a run of the (never-ending) job has committed all its alerts, and returns them as a
 * {@code read_committed} consumer received them.
 *
 * <p>Done means: the job's consumer group committed every input offset (offsets are committed when
 * a checkpoint completes, after every operator flushed, see {@link ConsumerGroupProgress}), and
 * then the consumer's count did not change across two more completed checkpoints, each of which
 * commits the Kafka transaction of the alerts before its barrier.
 */
final class CommittedAlerts {

    /** What waiting needs to know of a running job, wherever it runs. */
    interface WatchedJob {
        /** The job's id, for the progress lines. */
        String id();

        /** Throws an {@link AssertionError} when the job has ended: it never ends by itself. */
        void requireRunning() throws Exception;

        long completedCheckpoints() throws Exception;

        /** Counts worth printing while waiting, e.g. records scored. */
        String progress() throws Exception;
    }

    private CommittedAlerts() {}

    /** A job on a MiniCluster, watched through its client and the test's metric reporter. */
    static List<Alert> await(
            JobClient job,
            ConsumerGroupProgress progress,
            TopicWatcher<Alert> alerts,
            InMemoryReporter metrics,
            Duration timeout)
            throws Exception {
        WatchedJob watched =
                new WatchedJob() {
                    @Override
                    public String id() {
                        return job.getJobID().toString();
                    }

                    @Override
                    public void requireRunning() throws Exception {
                        if (job.getJobStatus().get().isGloballyTerminalState()) {
                            throw new AssertionError("the job ended: " + job.getJobStatus().get());
                        }
                    }

                    @Override
                    public long completedCheckpoints() {
                        return JobCounters.of(metrics, job.getJobID()).completedCheckpoints();
                    }

                    @Override
                    public String progress() {
                        return "scored "
                                + JobCounters.of(metrics, job.getJobID())
                                        .sum("polygraph.recordsScored");
                    }
                };
        return await(watched, progress, alerts, timeout);
    }

    static List<Alert> await(
            WatchedJob job,
            ConsumerGroupProgress progress,
            TopicWatcher<Alert> alerts,
            Duration timeout)
            throws Exception {
        long[] nextReport = {System.nanoTime()};
        Awaiting.until(
                "the job committed every input record",
                timeout,
                () -> {
                    long lag = progress.lag();
                    if (System.nanoTime() > nextReport[0]) {
                        System.out.printf(
                                "%s: input not committed %d, %s, alerts read %d, checkpoints %d%n",
                                job.id(),
                                lag,
                                job.progress(),
                                alerts.count(),
                                job.completedCheckpoints());
                        nextReport[0] = System.nanoTime() + 10_000_000_000L;
                    }
                    job.requireRunning();
                    return lag == 0;
                });
        int count;
        do {
            count = alerts.count();
            long completed = job.completedCheckpoints();
            Awaiting.until(
                    "two more checkpoints completed",
                    timeout,
                    () -> {
                        job.requireRunning();
                        return job.completedCheckpoints() >= completed + 2;
                    });
        } while (alerts.count() != count);
        return alerts.received().stream().map(TopicWatcher.Received::value).toList();
    }
}
