package io.polygraph.deploy.bench;

import io.polygraph.deploy.bench.LatencyUnderLoad.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds benchmark 4's maximum sustainable rate: the highest paced rate at which the job keeps up
 * (its latency stays level, {@link LatencyArithmetic.LatencyTrend}) while the publisher and the
 * alert consumer share the machine with it, as they do in the latency runs.
 *
 * <p>Why not the rate at which the job reads a backlog (benchmark 3): that run has no publisher and
 * no consumer competing for the cores, and its batches are always full. On two cores a paced stream
 * at 80% of it failed the job's checkpoints, so it was not sustainable, and "50% load" at such a
 * rate measured queueing in front of a saturated detector.
 *
 * <p>The search starts at that backlog rate, an upper bound, and goes down until a probe keeps up
 * (at most {@link #MAX_PROBES_DOWN} probes). A probe that did not keep up but whose latency grew by
 * g seconds per second says the job's capacity was about rate / (1 + g) (a job short of the rate
 * queues the excess): the next probe asks for {@link #MARGIN} of that, and at least {@link
 * #STEP_DOWN} less than the probe before; a probe that failed or showed no trend steps down by
 * {@link #STEP_DOWN}. One more probe halfway (on a log scale) between the fastest rate that kept up
 * and the slowest that did not narrows the gap. The rate found is a lower bound of the true one.
 */
final class SustainableRateSearch {

    /** Each probe down asks for at most this fraction of the one before. */
    static final double STEP_DOWN = 0.8;

    /** The fraction of a too-fast probe's estimated capacity the next probe asks for. */
    static final double MARGIN = 0.95;

    /** Probes down before the search gives up: down to a third of the upper bound. */
    static final int MAX_PROBES_DOWN = 6;

    /** Runs one paced probe at a fraction of the upper bound. */
    @FunctionalInterface
    interface Prober {
        /**
         * @param load fraction of the upper bound to publish at
         * @return the run's measurement, {@link Measurement#failed} when it failed
         */
        Measurement probe(double load) throws Exception;
    }

    /**
     * What the search found.
     *
     * @param recordsPerSecond the maximum sustainable rate: the fastest probe that kept up, at the
     *     rate its publisher reached (at most the rate asked)
     * @param upperBoundRecordsPerSecond the backlog rate the search started from
     * @param probes every probe, in the order run
     */
    record Outcome(
            double recordsPerSecond, double upperBoundRecordsPerSecond, List<Measurement> probes) {}

    private SustainableRateSearch() {}

    /**
     * Searches down from {@code upperBound} records/s.
     *
     * @throws IllegalStateException when no probe down to a third of the upper bound kept up
     */
    static Outcome search(double upperBound, Prober prober) throws Exception {
        List<Measurement> probes = new ArrayList<>();
        double load = 1;
        double slowestTooFast = Double.NaN;
        Measurement fastestKeptUp = null;
        while (fastestKeptUp == null && probes.size() < MAX_PROBES_DOWN) {
            Measurement probe = prober.probe(load);
            probes.add(probe);
            if (probe.keptUp()) {
                fastestKeptUp = probe;
            } else {
                slowestTooFast = load;
                load = nextLoad(load, probe);
            }
        }
        if (fastestKeptUp == null) {
            throw new IllegalStateException(
                    String.format(
                            Locale.ROOT,
                            "the job kept up with none of %d paced rates from %s down to %s"
                                    + " records/s",
                            probes.size(),
                            BenchRun.format(upperBound),
                            BenchRun.format(
                                    probes.get(probes.size() - 1).targetRecordsPerSecond())));
        }
        if (probes.size() > 1) {
            Measurement between = prober.probe(Math.sqrt(load * slowestTooFast));
            probes.add(between);
            if (between.keptUp()) {
                fastestKeptUp = between;
            }
        }
        return new Outcome(reached(fastestKeptUp), upperBound, List.copyOf(probes));
    }

    /** The load after a probe at {@code load} that did not keep up. */
    private static double nextLoad(double load, Measurement tooFast) {
        double growth = tooFast.failedRun() ? Double.NaN : tooFast.trend().growth();
        double stepped = load * STEP_DOWN;
        return growth > 0 ? Math.min(stepped, load / (1 + growth) * MARGIN) : stepped;
    }

    /** The rate a probe sustained: what its publisher reached, never more than it asked. */
    private static double reached(Measurement probe) {
        return Math.min(probe.targetRecordsPerSecond(), probe.publishedRecordsPerSecond());
    }
}
