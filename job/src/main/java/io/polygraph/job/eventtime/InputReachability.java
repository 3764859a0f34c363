package io.polygraph.job.eventtime;

import java.io.Serializable;

/**
 * Whether the job's input can be read at all right now, as seen from the JVM asking: the broker
 * behind the sources is up, or not. Partitions use it to tell a quiet input from an outage ({@link
 * OutageAwareIdleness}): silence during an outage says nothing about how busy a partition is.
 *
 * <p>Serializable because it travels with the sources' watermark strategy to every task; an
 * implementation shares whatever it watches with (such as a connection) within a JVM.
 */
public interface InputReachability extends Serializable {

    /** What {@link #reachableSince()} returns while the input cannot be read. */
    long UNREACHABLE = Long.MIN_VALUE;

    /** What {@link #reachableSince()} returns while no outage has been seen. */
    long REACHABLE_FROM_START = 0L;

    /** Always readable: inputs that cannot have an outage, such as in-memory test data. */
    InputReachability ALWAYS = new AlwaysReachable();

    /**
     * When the input last became readable, in {@link System#nanoTime()} of this JVM ({@link
     * #REACHABLE_FROM_START} before any outage), or {@link #UNREACHABLE} while it cannot be read. A
     * new value after {@code UNREACHABLE} marks the end of an outage. Called by every partition
     * once per watermark interval: cheap, never blocking.
     */
    long reachableSince();

    /** Reachable from the start of time. */
    final class AlwaysReachable implements InputReachability {
        private static final long serialVersionUID = 1L;

        private AlwaysReachable() {}

        @Override
        public long reachableSince() {
            return REACHABLE_FROM_START;
        }

        private Object readResolve() {
            return ALWAYS;
        }
    }
}
