package io.polygraph.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report records refuse the inconsistencies that would garble a table or a chart. */
class ReportModelTest {

    @Test
    void heatMapRowsFollowYAndColumnsFollowX() {
        HeatMap map =
                HeatMap.of(
                        "recall",
                        "gamma",
                        new double[] {-0.4, 0.5},
                        "epsilon",
                        new double[] {-0.2, 0.1, 0.7},
                        new double[][] {{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}});

        assertThat(map.values().get(2).get(0)).isEqualTo(0.5);
        assertThatThrownBy(
                        () ->
                                HeatMap.of(
                                        "recall",
                                        "gamma",
                                        new double[] {-0.4, 0.5},
                                        "epsilon",
                                        new double[] {-0.2},
                                        new double[][] {{0.1, 0.2, 0.3}}))
                .hasMessageContaining("one column per gamma value");
    }

    @Test
    void lossCurvesCountEpochsFromOneUpwards() {
        LossCurve curve = LossCurve.perEpoch("loss", 0.9, 0.7);

        assertThat(curve.points().get(1)).isEqualTo(new LossCurve.EpochLoss(2, 0.7));
        assertThatThrownBy(
                        () ->
                                new LossCurve(
                                        "loss",
                                        List.of(
                                                new LossCurve.EpochLoss(3, 0.5),
                                                new LossCurve.EpochLoss(2, 0.4))))
                .hasMessageContaining("increase");
    }

    @Test
    void aRunRefusesTwoLossCurvesOfOneName() {
        assertThatThrownBy(
                        () ->
                                SeedRun.builder(4)
                                        .scores(TestEvaluations.scores(4, 1))
                                        .threshold(1)
                                        .wallTimeSeconds(1)
                                        .trainingLoss(LossCurve.perEpoch("loss", 1))
                                        .trainingLoss(LossCurve.perEpoch("loss", 2))
                                        .build())
                .hasMessageContaining("'loss'");
    }

    @Test
    void seedsAndDetectorNamesAreUnique() {
        SeedRun run = TestEvaluations.run(1, 1.0, false);
        DetectorEvaluation detector = DetectorEvaluation.of("A", Map.of(), List.of(run));

        assertThatThrownBy(() -> DetectorEvaluation.of("A", Map.of(), List.of(run, run)))
                .hasMessageContaining("seed 1 twice");
        assertThatThrownBy(
                        () -> DatasetEvaluation.of("d", "", List.of(detector, detector), List.of()))
                .hasMessageContaining("'A' twice");
    }

    @Test
    void aFailedRunCannotRepeatARunsSeedAndADetectorNeedsSomeRun() {
        SeedRun run = TestEvaluations.run(1, 1.0, false);
        FailedRun failed = new FailedRun(1, 0.5, "training diverged");

        assertThatThrownBy(
                        () -> DetectorEvaluation.of("A", Map.of(), List.of(run), List.of(failed)))
                .hasMessageContaining("seed 1 twice");
        assertThatThrownBy(() -> DetectorEvaluation.of("A", Map.of(), List.of(), List.of()))
                .hasMessageContaining("has no runs");
    }
}
