package io.polygraph.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CurvesTest {

    // Ranked: 0.9 P, 0.8 P, 0.7 N, then 0.4 tied {P, N}, then 0.2 N, 0.1 N: 3 positives, 4
    // negatives.
    private static final double[] SCORES = {0.9, 0.8, 0.4, 0.7, 0.4, 0.2, 0.1};
    private static final boolean[] POSITIVES = {true, true, true, false, false, false, false};

    @Test
    void rocHasOnePointPerDistinctScoreAndAdmitsTiesTogether() {
        Curve roc = Curves.roc(SCORES, POSITIVES);

        assertThat(roc.xAxis()).isEqualTo(Curves.FALSE_POSITIVE_RATE);
        assertThat(roc.points())
                .containsExactly(
                        new CurvePoint(0, 0, 0.9),
                        new CurvePoint(0, 1.0 / 3, 0.8),
                        new CurvePoint(0, 2.0 / 3, 0.7),
                        new CurvePoint(0.25, 2.0 / 3, 0.4),
                        // The tie group moves diagonally: one positive and one negative at once.
                        new CurvePoint(0.5, 1, 0.2),
                        new CurvePoint(0.75, 1, 0.1),
                        new CurvePoint(1, 1, Math.nextDown(0.1)));
    }

    @Test
    void trapezoidAreaUnderRocEqualsAuroc() {
        List<CurvePoint> points = Curves.roc(SCORES, POSITIVES).points();
        double area = 0;
        for (int i = 1; i < points.size(); i++) {
            CurvePoint a = points.get(i - 1);
            CurvePoint b = points.get(i);
            area += (b.x() - a.x()) * (a.y() + b.y()) / 2;
        }

        assertThat(area).isCloseTo(RankingMetrics.auroc(SCORES, POSITIVES), within(1e-12));
    }

    @Test
    void precisionRecallHasOnePointPerTieGroup() {
        Curve pr = Curves.precisionRecall(SCORES, POSITIVES);

        assertThat(pr.xAxis()).isEqualTo(Curves.RECALL);
        assertThat(pr.points())
                .containsExactly(
                        new CurvePoint(1.0 / 3, 1, 0.8),
                        new CurvePoint(2.0 / 3, 1, 0.7),
                        new CurvePoint(2.0 / 3, 2.0 / 3, 0.4),
                        new CurvePoint(1, 3.0 / 5, 0.2),
                        new CurvePoint(1, 3.0 / 6, 0.1),
                        new CurvePoint(1, 3.0 / 7, Math.nextDown(0.1)));
    }

    @Test
    void eachPointsThresholdReproducesItUnderTheAboveThresholdRule() {
        for (CurvePoint point : Curves.roc(SCORES, POSITIVES).points()) {
            ConfusionCounts counts =
                    ConfusionCounts.aboveThreshold(SCORES, POSITIVES, point.threshold());

            assertThat(counts.falsePositiveRate()).isCloseTo(point.x(), within(1e-12));
            assertThat(counts.recall()).isCloseTo(point.y(), within(1e-12));
        }
    }

    @Test
    void curvesDoNotDependOnInputOrder() {
        double[] shuffled = {0.4, 0.1, 0.9, 0.4, 0.7, 0.2, 0.8};
        boolean[] labels = {false, false, true, true, false, false, true};

        assertThat(Curves.roc(shuffled, labels)).isEqualTo(Curves.roc(SCORES, POSITIVES));
        assertThat(Curves.precisionRecall(shuffled, labels))
                .isEqualTo(Curves.precisionRecall(SCORES, POSITIVES));
    }

    @Test
    void undefinedWithoutBothClasses() {
        double[] scores = {0.3, 0.2};

        assertThat(Curves.roc(scores, new boolean[] {true, true}).points()).isEmpty();
        assertThat(Curves.precisionRecall(scores, new boolean[] {false, false}).points()).isEmpty();
        assertThat(Curves.roc(new double[0], new boolean[0]).points()).isEmpty();
    }

    @Test
    void rejectsNaNAndMismatchedLengths() {
        assertThatThrownBy(() -> Curves.roc(new double[] {Double.NaN}, new boolean[] {true}))
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> Curves.precisionRecall(new double[] {1}, new boolean[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void downsamplingKeepsBothEndsAndAtMostTheLimit() {
        Random random = new Random(3);
        double[] scores = new double[5_000];
        boolean[] positives = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            positives[i] = i % 10 == 0;
            scores[i] = random.nextGaussian() + (positives[i] ? 1 : 0);
        }
        Curve full = Curves.roc(scores, positives);

        Curve plotted = full.downsampled(Curves.PLOT_POINTS);

        assertThat(full.points()).hasSize(5_001);
        assertThat(plotted.points()).hasSize(Curves.PLOT_POINTS);
        assertThat(plotted.points().get(0)).isEqualTo(full.points().get(0));
        assertThat(plotted.points().get(Curves.PLOT_POINTS - 1))
                .isEqualTo(full.points().get(5_000));
        assertThat(plotted.points()).isSortedAccordingTo((a, b) -> Double.compare(a.x(), b.x()));
        assertThat(full.points()).containsAll(plotted.points());
    }

    @Test
    void shortCurvesAreNotDownsampled() {
        Curve roc = Curves.roc(SCORES, POSITIVES);

        assertThat(roc.downsampled(500)).isSameAs(roc);
        assertThat(roc.downsampled(2).points())
                .containsExactly(roc.points().get(0), roc.points().get(6));
    }
}
