package io.polygraph.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    /** 1000 evenly spread cosines 0.000, 0.001, ..., 0.999. */
    private static double[] evenlySpread() {
        double[] cosines = new double[1000];
        for (int i = 0; i < cosines.length; i++) {
            cosines[i] = i / 1000.0;
        }
        return cosines;
    }

    @Test
    void normalScoresFollowTheEmpiricalDistribution() {
        PairCalibration calibration = PairCalibration.fit(evenlySpread());

        // The median of normal pairs is z = 0; the 5 % quantile (0.04995) is z = -1.645.
        assertThat(calibration.zScore(0.4995)).isCloseTo(0, within(1e-6));
        assertThat(calibration.zScore(0.04995)).isCloseTo(-1.6449, within(1e-3));
        assertThat(calibration.normalise(0.4995)).isCloseTo(0, within(1e-6));
    }

    @Test
    void extrapolatesBelowTheLowestNormalPairSoThatAnomaliesStillRank() {
        PairCalibration calibration = PairCalibration.fit(evenlySpread());

        double z1 = calibration.zScore(-0.5);
        double z2 = calibration.zScore(-0.9);

        assertThat(z1).isLessThan(calibration.zScore(0.0));
        assertThat(z2).isLessThan(z1);
        assertThat(calibration.normalise(-0.9))
                .isGreaterThan(-1.0)
                .isLessThan(calibration.normalise(-0.5));
    }

    @Test
    void pairsWithDifferentSpreadsBecomeComparable() {
        // A tight pair (cosines 0.99..1.0) and a loose one (0..1): their 1 % quantiles score alike.
        double[] tight = Arrays.stream(evenlySpread()).map(c -> 0.99 + c / 100).toArray();
        PairCalibration tightCalibration = PairCalibration.fit(tight);
        PairCalibration looseCalibration = PairCalibration.fit(evenlySpread());

        assertThat(tightCalibration.zScore(0.99 + 0.00999 / 100))
                .isCloseTo(looseCalibration.zScore(0.00999), within(0.05));
    }

    @Test
    void survivesJson() throws Exception {
        PairCalibration calibration = PairCalibration.fit(evenlySpread());
        ObjectMapper mapper = new ObjectMapper();

        PairCalibration read =
                mapper.readValue(mapper.writeValueAsString(calibration), PairCalibration.class);

        assertThat(read).isEqualTo(calibration);
        assertThat(read.normalise(0.2)).isEqualTo(calibration.normalise(0.2));
    }

    @Test
    void thresholdFlagsTheTargetShareOfNormalScores() {
        double[] scores = new double[1000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i;
        }

        double threshold = ScoreCalibration.thresholdFor(scores, 0.005);

        // floor(0.005 * 1000) = 5 scores (0..4) fall below the midpoint of 4 and 5.
        assertThat(threshold).isEqualTo(4.5);
        assertThat(Arrays.stream(scores).filter(s -> s < threshold).count()).isEqualTo(5);
    }

    @Test
    void tooFewNormalScoresForTheRateFlagNothing() {
        double threshold = ScoreCalibration.thresholdFor(new double[] {0.3, 0.1, 0.2}, 0.01);

        assertThat(threshold).isLessThan(0.1);
    }

    @Test
    void standardNormalQuantilesMatchKnownValues() {
        assertThat(StandardNormal.quantile(0.5)).isCloseTo(0, within(1e-9));
        assertThat(StandardNormal.quantile(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(StandardNormal.quantile(0.001)).isCloseTo(-3.090232, within(1e-6));
    }
}
