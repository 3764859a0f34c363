package io.polygraph.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionCountsTest {

    @Test
    void countsDecisionsAgainstTruth() {
        boolean[] flagged = {true, true, true, false, false, false};
        boolean[] positives = {true, true, false, true, false, false};

        ConfusionCounts counts = ConfusionCounts.of(flagged, positives);

        assertThat(counts).isEqualTo(new ConfusionCounts(2, 1, 2, 1));
        assertThat(counts.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(counts.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(counts.f1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(counts.falsePositiveRate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(counts.total()).isEqualTo(6);
    }

    @Test
    void f1IsTheHarmonicMeanOfPrecisionAndRecall() {
        // precision 1/2, recall 1/4: F1 = 2 * 1/8 / (3/4) = 1/3.
        ConfusionCounts counts = new ConfusionCounts(1, 1, 5, 3);

        assertThat(counts.precision()).isEqualTo(0.5);
        assertThat(counts.recall()).isEqualTo(0.25);
        assertThat(counts.f1()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void flagsScoresStrictlyBelowTheThreshold() {
        double[] scores = {-0.5, 0.1, 0.2, 0.9};
        boolean[] positives = {true, true, false, false};

        ConfusionCounts counts = ConfusionCounts.belowThreshold(scores, positives, 0.2);

        // 0.2 itself is not below 0.2: flagged are -0.5 and 0.1, both positives.
        assertThat(counts).isEqualTo(new ConfusionCounts(2, 0, 2, 0));
    }

    @Test
    void emptyDenominatorsGiveZeroNotNaN() {
        ConfusionCounts nothingFlagged = new ConfusionCounts(0, 0, 3, 0);

        assertThat(nothingFlagged.precision()).isZero();
        assertThat(nothingFlagged.recall()).isZero();
        assertThat(nothingFlagged.f1()).isZero();
    }

    @Test
    void accuracyIsTheShareOfRightDecisions() {
        // (TP + TN) / N = (2 + 3) / 8.
        ConfusionCounts counts = new ConfusionCounts(2, 1, 3, 2);

        assertThat(counts.accuracy()).isEqualTo(5.0 / 8);
        assertThat(new ConfusionCounts(0, 0, 0, 0).accuracy()).isZero();
    }

    @Test
    void aboveThresholdMirrorsBelowThresholdOnNegatedScores() {
        double[] consistency = {-0.5, 0.1, 0.2, 0.9};
        double[] anomaly = {0.5, -0.1, -0.2, -0.9};
        boolean[] positives = {true, false, true, false};

        // The tie at 0.2 / -0.2 is flagged by neither rule.
        assertThat(ConfusionCounts.aboveThreshold(anomaly, positives, -0.2))
                .isEqualTo(ConfusionCounts.belowThreshold(consistency, positives, 0.2))
                .isEqualTo(new ConfusionCounts(1, 1, 1, 1));
    }
}
