package io.polygraph.job.scoring;

import java.time.Duration;
import java.util.Optional;
import org.apache.flink.streaming.runtime.tasks.mailbox.Mail;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailbox;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/**
 * Plays the task's mailbox loop in operator tests: the scoring operator's batches come back from
 * its scoring thread as mails, which a test harness runs only when told to.
 */
final class ScoringMailbox {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ScoringMailbox() {}

    /**
     * Runs the harness's mails until {@code operator} has no batch being scored, so that every
     * batch it started has emitted its alerts.
     */
    static void awaitScored(
            AbstractStreamOperatorTestHarness<?> harness, BatchScoringOperator operator)
            throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (operator.isScoring()) {
            Optional<Mail> mail = harness.getTaskMailbox().tryTake(TaskMailbox.MIN_PRIORITY);
            if (mail.isPresent()) {
                mail.get().run();
            } else if (System.nanoTime() > deadline) {
                throw new AssertionError("the operator's batch was not scored in " + TIMEOUT);
            } else {
                Thread.sleep(1);
            }
        }
    }
}
