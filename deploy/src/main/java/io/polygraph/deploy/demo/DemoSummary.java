package io.polygraph.deploy.demo;

import io.polygraph.schema.AnomalyType;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The numbers a demo run ends with.
 *
 * @param events input events published (transactions, profiles, signatures)
 * @param transactions transactions among them
 * @param badRecords damaged records published on purpose
 * @param alerts alerts received on the alert topic
 * @param deadLetters dead letters received on the dead-letter topic
 * @param quality alerts scored against the world's labels
 * @param latency event-to-alert latency: from handing the transaction to Kafka to receiving its
 *     alert from Kafka
 * @param processingSeconds from the first published event until the job had committed the last one
 */
public record DemoSummary(
        long events,
        long transactions,
        int badRecords,
        int alerts,
        int deadLetters,
        AlertEvaluation quality,
        LatencyStats latency,
        double processingSeconds) {

    /** Transactions per second through the whole pipeline. */
    public double transactionsPerSecond() {
        return processingSeconds <= 0 ? 0 : transactions / processingSeconds;
    }

    /** Prints the summary as a small table. */
    public void print(PrintStream out) {
        out.println();
        out.println("Summary");
        row(
                out,
                "events in",
                "%d (%d transactions) + %d damaged records",
                events,
                transactions,
                badRecords);
        row(
                out,
                "alerts out",
                "%d (%d distinct transactions)",
                alerts,
                quality.alertedTransactions());
        row(out, "dead letters", "%d", deadLetters);
        row(
                out,
                "precision",
                "%.3f (%d of %d alerts are injected anomalies)",
                quality.precision(),
                quality.truePositives(),
                quality.truePositives() + quality.falsePositives());
        row(out, "recall, cross-modal", "%.3f", quality.crossModalRecall());
        for (AnomalyType type : AnomalyType.values()) {
            if (type != AnomalyType.NORMAL) {
                row(
                        out,
                        "  " + type.name().toLowerCase(Locale.ROOT),
                        "%.3f (%d of %d)",
                        quality.recall(type),
                        quality.detectedByType().getOrDefault(type, 0),
                        quality.anomaliesByType().getOrDefault(type, 0));
            }
        }
        row(
                out,
                "throughput",
                "%.0f transactions/s (%.1f s from first event to last commit)",
                transactionsPerSecond(),
                processingSeconds);
        row(
                out,
                "latency event->alert",
                "p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms (%d alerts)",
                latency.p50(),
                latency.p90(),
                latency.p99(),
                latency.max(),
                latency.count());
    }

    private static void row(PrintStream out, String name, String format, Object... args) {
        out.printf(Locale.ROOT, "  %-22s %s%n", name, String.format(Locale.ROOT, format, args));
    }
}
