package io.polygraph.deploy.bench;

import io.polygraph.deploy.bench.LatencyArithmetic.Percentiles;
import io.polygraph.deploy.bench.LatencyUnderLoad.Measurement;
import io.polygraph.deploy.bench.LatencyUnderLoad.Result;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/** Benchmark 4 as a console table: one line per run, then whether the goal was met. */
final class LatencyUnderLoadReport {

    private static final String MEASURED_FORMAT = "%8s %9s %9s %9s";
    private static final String MEASURED_HEADER =
            String.format(Locale.ROOT, MEASURED_FORMAT, "reached", "alerts", "p50 ms", "p99 ms");

    private LatencyUnderLoadReport() {}

    /** Prints {@code result}: what was measured and how, each run's percentiles, the goal. */
    static void print(PrintStream out, Result result) {
        out.println();
        printHeader(out, result);
        printProbes(out, result);
        printRuns(out, result);
        if (result.runs().stream()
                .anyMatch(r -> !r.failedRun() && r.latency().p999Millis() == null)) {
            out.printf(
                    Locale.ROOT,
                    "   n/a: fewer than %d alerts measured, too few for a p99.9%n",
                    LatencyArithmetic.P999_MIN_SAMPLES);
        }
        for (JobTuning tuning : result.tunings()) {
            Optional<Boolean> met = result.goalMet(tuning);
            if (met.isEmpty() && !result.goalRunFailed(tuning)) {
                continue;
            }
            out.printf(
                    Locale.ROOT,
                    "Goal: p99 at most %.0f ms at 50%% load, at-least-once, %s settings: %s%n",
                    LatencyUnderLoad.GOAL_P99_MILLIS,
                    tuning.name(),
                    met.map(m -> m ? "met" : "NOT met").orElse("not measured, the run failed"));
        }
    }

    private static void printHeader(PrintStream out, Result result) {
        out.printf(
                Locale.ROOT,
                "4. Latency under load: event to alert, from handing the transaction to Kafka to"
                        + " receiving its alert%n   (read_committed consumer), at 50%% and 80%%"
                        + " of the maximum sustainable rate, %s records/s, %d cores;%n   every"
                        + " transaction alerts"
                        + " (threshold above every score) and is measured; %.0f s warm-up left"
                        + " out, %.0f s measured;%n   batch %d, checkpoints every %d ms"
                        + " (exactly-once alerts are visible after them);%n   scored p50/p99:"
                        + " from publishing to the end of the transaction's batch scoring (the"
                        + " alert's detection time)%n   GC n/ms: garbage collections of the"
                        + " benchmark's JVM (job, broker, publisher and consumer) while the run"
                        + " published, and their total time%n",
                BenchRun.format(result.maxRecordsPerSecond()),
                result.cores(),
                result.warmupSeconds(),
                result.measuredSeconds(),
                result.batchSize(),
                result.checkpointIntervalMillis());
        for (JobTuning tuning : result.tunings()) {
            out.printf(
                    Locale.ROOT,
                    "   %s settings: network buffer timeout %d ms, max batch delay %d ms%n",
                    tuning.name(),
                    tuning.bufferTimeoutMillis(),
                    tuning.maxBatchDelayMillis());
        }
    }

    /** The search for the maximum sustainable rate, one line per paced probe. */
    private static void printProbes(PrintStream out, Result result) {
        out.printf(
                Locale.ROOT,
                "   Maximum sustainable rate: the fastest paced probe the job kept up with (its"
                        + " latency grew at most %.2f s per s of publishing,%n   median of the"
                        + " last third against the first), at-least-once with the defaults,"
                        + " searched down from %s records/s%n   reading a backlog (%s):%n",
                LatencyArithmetic.LatencyTrend.MAX_SUSTAINABLE_GROWTH,
                BenchRun.format(result.backlogRecordsPerSecond()),
                result.backlogRateSource());
        out.printf(
                Locale.ROOT,
                "   %16s %s %12s  %s%n",
                "records/s asked",
                MEASURED_HEADER,
                "grew s per s",
                "kept up");
        for (Measurement probe : result.probes()) {
            String asked =
                    String.format(
                            Locale.ROOT,
                            "   %16s",
                            BenchRun.format(probe.targetRecordsPerSecond()));
            if (printedAsFailed(out, asked, probe)) {
                continue;
            }
            out.printf(
                    Locale.ROOT,
                    "%s %s %12s  %s%n",
                    asked,
                    measured(probe),
                    growth(probe),
                    probe.keptUp() ? "yes" : "no");
        }
    }

    /** Prints a failed run's row, its leading columns and its reason; false for a measured run. */
    private static boolean printedAsFailed(PrintStream out, String leading, Measurement run) {
        if (run.failedRun()) {
            out.println(leading + "   FAILED: " + run.failure());
        }
        return run.failedRun();
    }

    /** The columns every measured run and probe has: rate reached, alerts, p50 and p99. */
    private static String measured(Measurement run) {
        return String.format(
                Locale.ROOT,
                MEASURED_FORMAT,
                BenchRun.format(run.publishedRecordsPerSecond()),
                run.latency().samples(),
                millis(run.latency().p50Millis()),
                millis(run.latency().p99Millis()));
    }

    /** A run's latency growth in seconds per second of publishing, or "-" when not known. */
    static String growth(Measurement run) {
        double growth = run.trend().growth();
        return Double.isNaN(growth) ? "-" : String.format(Locale.ROOT, "%.3f", growth);
    }

    private static void printRuns(PrintStream out, Result result) {
        out.printf(
                Locale.ROOT,
                "   %-14s %-12s %5s %16s %s %9s %14s %8s %10s%n",
                "delivery",
                "settings",
                "load",
                "records/s asked",
                MEASURED_HEADER,
                "p99.9 ms",
                "scored p50/p99",
                "grew s/s",
                "GC n/ms");
        for (Measurement run : result.runs()) {
            String which =
                    String.format(
                            Locale.ROOT,
                            "   %-14s %-12s %4.0f%% %16s",
                            run.deliveryGuarantee().toLowerCase(Locale.ROOT).replace('_', '-'),
                            run.tuning(),
                            run.load() * 100,
                            BenchRun.format(run.targetRecordsPerSecond()));
            if (printedAsFailed(out, which, run)) {
                continue;
            }
            Percentiles l = run.latency();
            out.printf(
                    Locale.ROOT,
                    "%s %s %9s %14s %8s %10s%s%n",
                    which,
                    measured(run),
                    l.p999Millis() == null ? "n/a" : millis(l.p999Millis()),
                    millis(run.toScoring().p50Millis()) + "/" + millis(run.toScoring().p99Millis()),
                    growth(run),
                    run.gcWhilePublishing().formatted(),
                    run.notAlerted() > 0
                            ? String.format(Locale.ROOT, "  (%d without alert)", run.notAlerted())
                            : "");
        }
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }
}
