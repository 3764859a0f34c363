package io.polygraph.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.eval.LabelledScores;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.ReportMetric;
import io.polygraph.eval.report.SeedRun;
import io.polygraph.train.TrainerConfig;
import io.polygraph.train.TrainingListener;
import io.polygraph.world.WorldConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The baselines on a tiny world, and the multimodal gain computed from evaluations. */
class WorldBaselineExperimentTest {

    @Test
    void everyBaselineIsTrainedAndTestedOnTheWorld() {
        WorldConfig tiny = WorldConfig.defaults().withCustomers(40).withSpan(Duration.ofDays(6));

        List<DetectorEvaluation> detectors =
                new WorldBaselineExperiment(tiny)
                        .baselines(
                                TrainerConfig.defaults(),
                                BaselineConfig.defaults().withEpochs(2),
                                List.of(3L),
                                TrainingListener.NONE);

        assertThat(detectors)
                .extracting(DetectorEvaluation::name)
                .containsExactlyElementsOf(WorldBaselineExperiment.DETECTORS);
        for (DetectorEvaluation detector : detectors) {
            assertThat(detector.summaryOf(ReportMetric.AUROC).mean())
                    .as(detector.name())
                    .isBetween(0.0, 1.0);
            SeedRun run = detector.runs().get(0);
            assertThat(run.metrics().byType()).containsKey(LabelledScores.NORMAL);
            // Outliers are neither positives nor negatives: never in the headline counts.
            long outliers =
                    run.metrics().byType().containsKey("OUTLIER")
                            ? run.metrics().byType().get("OUTLIER").records()
                            : 0;
            assertThat(run.metrics().excluded()).isEqualTo(outliers);
            int expectedEpochs = detector.name().startsWith("PCA") ? 0 : 2;
            assertThat(run.trainingLoss().stream().mapToInt(c -> c.points().size()).sum())
                    .as(detector.name())
                    .isEqualTo(expectedEpochs);
        }
        // Same test world for all: every detector scores every record, seen or not.
        assertThat(detectors)
                .extracting(d -> d.runs().get(0).metrics())
                .extracting(m -> m.evaluated() + m.excluded())
                .containsOnly(
                        detectors.get(0).runs().get(0).metrics().evaluated()
                                + detectors.get(0).runs().get(0).metrics().excluded())
                .allMatch(records -> records > 100);
    }

    @Test
    void theGainIsTheBestMultimodalOverTheBestSingleModalityAuprc() {
        List<DetectorEvaluation> detectors =
                List.of(
                        detector(WorldBaselineExperiment.AE_PROFILE, 1),
                        detector(WorldBaselineExperiment.AE_TRANSACTION, 2),
                        detector(WorldBaselineExperiment.PCA_ALL, 3),
                        detector("CMAD", 0));

        // Best single modality: the positive ranked 2nd (AUPRC 1/2); best multimodal: CMAD (1).
        assertThat(WorldBaselineExperiment.multimodalAuprcGain(detectors))
                .isCloseTo(2.0, within(1e-12));
        assertThatThrownBy(
                        () -> WorldBaselineExperiment.multimodalAuprcGain(detectors.subList(0, 2)))
                .hasMessageContaining("no multimodal detector");
    }

    /** A detector that ranks its single positive below {@code normalsAbove} normal records. */
    private static DetectorEvaluation detector(String name, int normalsAbove) {
        double[] scores = {10, 9, 8, 7};
        List<String> labels = new ArrayList<>(List.of("NORMAL", "NORMAL", "NORMAL", "NORMAL"));
        labels.set(normalsAbove, "SIGNATURE_MISMATCH");
        SeedRun run =
                SeedRun.builder(1)
                        .scores(LabelledScores.of(scores, labels, Set.of("SIGNATURE_MISMATCH")))
                        .threshold(8.5)
                        .wallTime(Duration.ZERO)
                        .build();
        return DetectorEvaluation.of(name, Map.of(), List.of(run));
    }
}
