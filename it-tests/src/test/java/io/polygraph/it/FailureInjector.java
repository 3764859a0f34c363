package io.polygraph.it;

import io.polygraph.schema.Alert;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes alerts through unchanged and, when the test has armed it, throws one {@link
 * InjectedFailure} once a checkpoint of the current task attempt has completed and some alerts have
 * passed since: a failure between checkpoints, with committed output behind it and uncommitted
 * output in flight.
 *
 * <p>The arming is static: the MiniCluster runs in the test's JVM, so every subtask and every
 * restarted attempt sees the same flag, and one arming makes exactly one subtask throw exactly
 * once, however often the job restarts afterwards.
 */
final class FailureInjector extends RichMapFunction<Alert, Alert> implements CheckpointListener {
    private static final long serialVersionUID = 1L;

    private static final AtomicBoolean ARMED = new AtomicBoolean();
    private static final AtomicInteger FIRED = new AtomicInteger();

    /** The exception the injector throws; recognisable in the logs. */
    static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(int number) {
            super("injected failure " + number + " (expected by ExactlyOnceAlertsITCase)");
        }
    }

    private final int alertsAfterCheckpoint;
    private transient boolean checkpointCompleted;
    private transient int passedSinceCheckpoint;

    /**
     * @param alertsAfterCheckpoint alerts this subtask passes after its first completed checkpoint
     *     before it may throw
     */
    FailureInjector(int alertsAfterCheckpoint) {
        this.alertsAfterCheckpoint = alertsAfterCheckpoint;
    }

    /** Makes the next eligible subtask throw once. */
    static void arm() {
        ARMED.set(true);
    }

    /** Disarms the injector and forgets past failures, for a fresh run. */
    static void reset() {
        ARMED.set(false);
        FIRED.set(0);
    }

    /** Number of failures thrown since the last {@link #reset()}. */
    static int fired() {
        return FIRED.get();
    }

    @Override
    public Alert map(Alert alert) {
        if (checkpointCompleted
                && ++passedSinceCheckpoint >= alertsAfterCheckpoint
                && ARMED.compareAndSet(true, false)) {
            throw new InjectedFailure(FIRED.incrementAndGet());
        }
        return alert;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointCompleted = true;
    }
}
