package io.polygraph.it;

import java.time.Duration;

/** Polls a condition until it holds, instead of sleeping for a guessed time. */
final class Awaiting {

    private static final long POLL_MILLIS = 100;

    /** A condition that may need to call something that throws. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    private Awaiting() {}

    /**
     * Returns as soon as {@code condition} holds.
     *
     * @throws AssertionError naming {@code what} when {@code timeout} passes first
     */
    static void until(String what, Duration timeout, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
