package io.polygraph.train;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Estimates the time left of a run made of batches of different kinds (a signature batch costs far
 * more than a profile-transaction batch): the mean duration of each kind so far times the batches
 * of that kind still to come. A kind not yet measured is estimated from the slowest measured one.
 */
public final class ProgressClock {

    private final long startNanos = System.nanoTime();
    private final Map<String, long[]> perKind = new HashMap<>();
    private long lastNanos = startNanos;

    /** Records that a batch of {@code kind} just finished. */
    public void tick(String kind) {
        long now = System.nanoTime();
        long[] stats = perKind.computeIfAbsent(kind, k -> new long[2]);
        stats[0]++;
        stats[1] += now - lastNanos;
        lastNanos = now;
    }

    /** Time since the clock was created. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Estimated time for {@code remaining} batches per kind. */
    public Duration remaining(Map<String, Long> remaining) {
        double slowest = 0;
        for (long[] stats : perKind.values()) {
            slowest = Math.max(slowest, (double) stats[1] / stats[0]);
        }
        double nanos = 0;
        for (Map.Entry<String, Long> entry : remaining.entrySet()) {
            long[] stats = perKind.get(entry.getKey());
            double mean = stats == null ? slowest : (double) stats[1] / stats[0];
            nanos += mean * entry.getValue();
        }
        return Duration.ofNanos((long) nanos);
    }
}
