package io.polygraph.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Puts made-up raw anomaly scores on the common scale; no network involved. */
class RawScoreCalibrationTest {

    /** Raw scores of normal records as a discriminator gives them: mostly near 0, a tail up. */
    private static double[] normalRawScores(int count) {
        SplittableRandom random = new SplittableRandom(3);
        double[] raw = new double[count];
        for (int i = 0; i < count; i++) {
            raw[i] = Math.pow(random.nextDouble(), 4) * 0.6;
        }
        return raw;
    }

    @Test
    void theMedianNormalRecordScoresZeroAndTheThresholdFlagsTheTargetShare() {
        double[] raw = normalRawScores(2000);
        RawScoreCalibration calibration = RawScoreCalibration.fit(raw, 0.02);

        double[] scores = Arrays.stream(raw).map(calibration::score).toArray();
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        long flagged = Arrays.stream(scores).filter(s -> s < calibration.threshold()).count();

        assertThat(sorted[sorted.length / 2]).isCloseTo(0.0, within(0.02));
        assertThat(flagged).isEqualTo(40);
        assertThat(calibration.targetAlertRate()).isEqualTo(0.02);
    }

    @Test
    void moreAnomalousRawScoresScoreLowerWithinTheOpenUnitInterval() {
        RawScoreCalibration calibration = RawScoreCalibration.fit(normalRawScores(500), 0.01);

        double typical = calibration.score(0.001);
        double unusual = calibration.score(0.7);
        double certain = calibration.score(1.0);

        assertThat(typical).isGreaterThan(unusual);
        assertThat(unusual).isGreaterThan(certain);
        assertThat(certain).isGreaterThan(-1.0);
        assertThat(certain).isLessThan(calibration.threshold());
    }
}
