package io.polygraph.deploy.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Samples a growing count (records consumed or written) until it reaches a target, and gives the
 * sustained rate between two fractions of the target: the start (job start-up, first checkpoint)
 * and the tail (the last, partly filled batches) are left out.
 */
final class ProgressSampler {

    private record Sample(long nanos, long count) {}

    private final LongSupplier count;
    private final Duration interval;

    ProgressSampler(LongSupplier count, Duration interval) {
        this.count = count;
        this.interval = interval;
    }

    /**
     * Samples until the count reaches {@code target} and returns the rate, per second, between the
     * first samples at or above {@code from} and {@code to} times {@code target}.
     *
     * @throws IllegalStateException when the target is not reached within {@code timeout}, or too
     *     few samples fall in the window to tell a rate
     */
    double sustainedRate(long target, double from, double to, Duration timeout)
            throws InterruptedException {
        List<Sample> samples = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long now = System.nanoTime();
            long value = count.getAsLong();
            samples.add(new Sample(now, value));
            if (value >= target) {
                break;
            }
            if (now > deadline) {
                throw new IllegalStateException(
                        "reached " + value + " of " + target + " in " + timeout);
            }
            Thread.sleep(interval.toMillis());
        }
        Sample start = firstAtLeast(samples, (long) (from * target));
        Sample end = firstAtLeast(samples, (long) (to * target));
        if (end.nanos() <= start.nanos() || end.count() <= start.count()) {
            throw new IllegalStateException(
                    "the count jumped from below "
                            + from
                            + " to above "
                            + to
                            + " of the target between two samples; use more records");
        }
        return (end.count() - start.count()) / ((end.nanos() - start.nanos()) / 1e9);
    }

    private static Sample firstAtLeast(List<Sample> samples, long value) {
        return samples.stream().filter(s -> s.count() >= value).findFirst().orElseThrow();
    }
}
