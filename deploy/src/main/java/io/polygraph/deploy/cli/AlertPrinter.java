package io.polygraph.deploy.cli;

import io.polygraph.deploy.demo.TopicWatcher.Received;
import io.polygraph.schema.Alert;
import io.polygraph.schema.AnomalyLabel;
import io.polygraph.schema.Contribution;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Prints alerts as they arrive, one line each, with the world's ground truth beside them (which the
 * demo knows and the job does not); after a limit, only counts them.
 */
final class AlertPrinter implements Consumer<Received<Alert>> {
    private final Map<String, AnomalyLabel> labels;
    private final int limit;
    private final AtomicInteger seen = new AtomicInteger();

    AlertPrinter(Map<String, AnomalyLabel> labels, int limit) {
        this.labels = labels;
        this.limit = limit;
    }

    @Override
    public void accept(Received<Alert> received) {
        int n = seen.incrementAndGet();
        if (n > limit) {
            if (n % 100 == 0) {
                System.out.printf("  ... %d alerts so far%n", n);
            }
            return;
        }
        Alert alert = received.value();
        AnomalyLabel truth = labels.get(alert.getTransactionId());
        System.out.printf(
                Locale.ROOT,
                "  ALERT %-12s %-22s score %6.2f < %5.2f  %-40s %s  [truth: %s]%n",
                alert.getEntityId(),
                alert.getTransactionId(),
                alert.getScore(),
                alert.getThreshold(),
                String.join(",", alert.getReasonCodes()),
                alert.getContributions().stream()
                        .map(AlertPrinter::format)
                        .collect(Collectors.joining(" ")),
                truth == null
                        ? "?"
                        : truth.getType()
                                + (truth.getDetail().isEmpty() ? "" : "/" + truth.getDetail()));
        if (n == limit) {
            System.out.println(
                    "  (further alerts are counted, not printed; --print-alerts sets the limit)");
        }
    }

    private static String format(Contribution contribution) {
        return String.format(
                Locale.ROOT, "%s=%.2f", contribution.getName(), contribution.getScore());
    }
}
