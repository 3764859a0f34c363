package io.polygraph.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    @Test
    void aurocCountsPairsRankedCorrectly() {
        // Positives 0.9 and 0.6 against negatives 0.8 and 0.3: 3 of 4 pairs in order.
        double[] scores = {0.9, 0.8, 0.6, 0.3};
        boolean[] positives = {true, false, true, false};

        assertThat(RankingMetrics.auroc(scores, positives)).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void aurocCountsTiesAsHalf() {
        // 0.9 and 0.8 beat all four negatives (8 pairs); 0.4 beats 0.2 and 0.1, ties 0.4: 10.5 /
        // 12.
        double[] scores = {0.9, 0.8, 0.4, 0.7, 0.4, 0.2, 0.1};
        boolean[] positives = {true, true, true, false, false, false, false};

        assertThat(RankingMetrics.auroc(scores, positives)).isCloseTo(0.875, within(1e-12));
    }

    @Test
    void aurocDoesNotDependOnInputOrder() {
        double[] scores = {0.4, 0.1, 0.9, 0.4, 0.7, 0.2, 0.8};
        boolean[] positives = {false, false, true, true, false, false, true};

        assertThat(RankingMetrics.auroc(scores, positives)).isCloseTo(0.875, within(1e-12));
    }

    @Test
    void averagePrecisionAveragesPrecisionAtEachPositive() {
        // Ranked: P, N, P, N -> precision 1/1 at the first positive, 2/3 at the second.
        double[] scores = {0.9, 0.8, 0.6, 0.3};
        boolean[] positives = {true, false, true, false};

        assertThat(RankingMetrics.averagePrecision(scores, positives))
                .isCloseTo((1.0 + 2.0 / 3) / 2, within(1e-12));
    }

    @Test
    void averagePrecisionAdmitsTiedScoresTogether() {
        // P 0.9, P 0.8, N 0.7, then {P, N} tied at 0.4: precisions 1, 1 and 3/5.
        double[] scores = {0.9, 0.8, 0.4, 0.7, 0.4, 0.2, 0.1};
        boolean[] positives = {true, true, true, false, false, false, false};

        assertThat(RankingMetrics.averagePrecision(scores, positives))
                .isCloseTo((1 + 1 + 0.6) / 3, within(1e-12));
    }

    @Test
    void perfectRankingScoresOne() {
        double[] scores = {5, 4, 1, 0};
        boolean[] positives = {true, true, false, false};

        assertThat(RankingMetrics.auroc(scores, positives)).isEqualTo(1.0);
        assertThat(RankingMetrics.averagePrecision(scores, positives)).isEqualTo(1.0);
    }

    @Test
    void undefinedWithoutBothClasses() {
        double[] scores = {0.3, 0.2};

        assertThat(RankingMetrics.auroc(scores, new boolean[] {true, true})).isNaN();
        assertThat(RankingMetrics.averagePrecision(scores, new boolean[] {false, false})).isNaN();
    }

    @Test
    void rejectsMismatchedLengthsAndNaN() {
        assertThatThrownBy(
                        () -> RankingMetrics.auroc(new double[] {1}, new boolean[] {true, false}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                RankingMetrics.auroc(
                                        new double[] {Double.NaN, 1}, new boolean[] {true, false}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }
}
