package io.polygraph.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.eval.LabelledScores;
import io.polygraph.eval.MetricSummary;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedStatisticsTest {

    private static SeedRun run(long seed, double[] scores, List<String> labels, double seconds) {
        return SeedRun.builder(seed)
                .scores(LabelledScores.of(scores, labels, Set.of("SIGNATURE_MISMATCH")))
                .threshold(0.5)
                .wallTimeSeconds(seconds)
                .build();
    }

    @Test
    void summarisesEveryMetricOverSeeds() {
        List<String> labels = List.of("SIGNATURE_MISMATCH", "NORMAL", "NORMAL", "NORMAL");
        // Seed 1 flags its anomaly only (recall 1); seed 2 misses it (recall 0).
        SeedRun first = run(1, new double[] {0.9, 0.1, 0.2, 0.3}, labels, 2);
        SeedRun second = run(2, new double[] {0.4, 0.1, 0.6, 0.3}, labels, 4);

        Map<String, MetricSummary> summary = SeedStatistics.metrics(List.of(first, second));

        assertThat(summary.keySet()).startsWith("auroc", "auprc", "precision", "recall");
        assertThat(summary.get("recall").mean()).isEqualTo(0.5);
        assertThat(summary.get("recall").standardDeviation())
                .isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(summary.get("wallTimeSeconds").mean()).isEqualTo(3.0);
        assertThat(summary.get("truePositives").mean()).isEqualTo(0.5);
        assertThat(summary.get("auroc").mean()).isCloseTo((1 + 2.0 / 3) / 2, within(1e-12));
    }

    @Test
    void summarisesATypeOverTheRunsThatHeldIt() {
        SeedRun withOutlier =
                run(
                        1,
                        new double[] {0.9, 0.1, 0.8},
                        List.of("SIGNATURE_MISMATCH", "NORMAL", "OUTLIER"),
                        1);
        SeedRun without =
                run(2, new double[] {0.9, 0.1}, List.of("SIGNATURE_MISMATCH", "NORMAL"), 1);

        Map<String, MetricSummary> shares =
                SeedStatistics.flaggedShareByType(List.of(withOutlier, without));

        assertThat(shares.get("OUTLIER").count()).isEqualTo(1);
        assertThat(shares.get("OUTLIER").mean()).isEqualTo(1.0);
        assertThat(shares.get("SIGNATURE_MISMATCH").count()).isEqualTo(2);
        assertThat(shares.get("NORMAL").mean()).isZero();
    }
}
