package io.polygraph.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.eval.ConfusionCounts;
import io.polygraph.eval.Curves;
import io.polygraph.eval.LabelledScores;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedRunBuilderTest {

    @Test
    void computesMetricsCurvesAndHistogramFromRawScores() {
        LabelledScores scores =
                LabelledScores.of(
                        new double[] {0.9, 0.2, 0.6, 0.1, -0.3, 0.95},
                        List.of(
                                "OUTLIER",
                                "SIGNATURE_MISMATCH",
                                "NORMAL",
                                "NORMAL",
                                "NORMAL",
                                "SIGNATURE_MISMATCH"),
                        Set.of("SIGNATURE_MISMATCH"));

        SeedRun run =
                SeedRun.builder(42)
                        .scores(scores)
                        .threshold(0.5)
                        .wallTime(Duration.ofMillis(1_250))
                        .trainingLoss(LossCurve.perEpoch("loss", 0.8, 0.5))
                        .histogramBins(4)
                        .build();

        assertThat(run.seed()).isEqualTo(42);
        assertThat(run.wallTimeSeconds()).isEqualTo(1.25);
        assertThat(run.metrics().confusion()).isEqualTo(new ConfusionCounts(1, 1, 2, 1));
        assertThat(run.roc().points()).hasSize(6);
        assertThat(run.precisionRecall().points()).hasSize(5);
        assertThat(run.scoreHistogram().total("NORMAL")).isEqualTo(3);
        assertThat(run.scoreHistogram().total("OUTLIER")).isEqualTo(1);
        assertThat(run.trainingLoss().get(0).points()).hasSize(2);
    }

    @Test
    void storesCurvesDownsampledForPlotting() {
        Random random = new Random(5);
        double[] values = new double[3_000];
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble();
            labels.add(i % 3 == 0 ? "OUTLIER" : "NORMAL");
        }

        SeedRun run =
                SeedRun.builder(1)
                        .scores(LabelledScores.of(values, labels, Set.of("OUTLIER")))
                        .threshold(0.5)
                        .wallTimeSeconds(0)
                        .build();

        assertThat(run.roc().points()).hasSize(Curves.PLOT_POINTS);
        assertThat(run.precisionRecall().points()).hasSize(Curves.PLOT_POINTS);
    }

    @Test
    void refusesToBuildWithoutThresholdNamingTheSeed() {
        SeedRunBuilder builder =
                SeedRun.builder(9).scores(TestEvaluations.scores(9, 1)).wallTimeSeconds(1);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("seed 9");
    }
}
