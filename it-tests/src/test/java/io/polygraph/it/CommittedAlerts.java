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

    private CommittedAlerts() {}

    static List<Alert> await(
            JobClient job,
            ConsumerGroupProgress progress,
            TopicWatcher<Alert> alerts,
            InMemoryReporter metrics,
            Duration timeout)
            throws Exception {
        long[] nextReport = {System.nanoTime()};
        Awaiting.until(
                "the job committed every input record",
                timeout,
                () -> {
                    long lag = progress.lag();
                    if (System.nanoTime() > nextReport[0]) {
                        JobCounters counters = JobCounters.of(metrics, job.getJobID());
                        System.out.printf(
                                "%s: input not committed %d, scored %d, alerts read %d,"
                                        + " checkpoints %d%n",
                                job.getJobID(),
                                lag,
                                counters.sum("polygraph.recordsScored"),
                                alerts.count(),
                                counters.completedCheckpoints());
                        nextReport[0] = System.nanoTime() + 10_000_000_000L;
                    }
                    return running(job) && lag == 0;
                });
        int count;
        do {
            count = alerts.count();
            long completed = JobCounters.of(metrics, job.getJobID()).completedCheckpoints();
            Awaiting.until(
                    "two more checkpoints completed",
                    timeout,
                    () ->
                            running(job)
                                    && JobCounters.of(metrics, job.getJobID())
                                                    .completedCheckpoints()
                                            >= completed + 2);
        } while (alerts.count() != count);
        return alerts.received().stream().map(TopicWatcher.Received::value).toList();
    }

    private static boolean running(JobClient job) throws Exception {
        if (job.getJobStatus().get().isGloballyTerminalState()) {
            throw new AssertionError("the job ended: " + job.getJobStatus().get());
        }
        return true;
    }
}
