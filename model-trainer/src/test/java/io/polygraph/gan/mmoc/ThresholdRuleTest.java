package io.polygraph.gan.mmoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThresholdRuleTest {

    @Test
    void trainingPercentileFlagsHalfAPercentOfTheTrainingScores() {
        // 0, 1, ..., 999 shuffled: the 0.995 quantile interpolates to 994.005.
        double[] scores =
                IntStream.range(0, 1000).map(i -> (i * 7919) % 1000).asDoubleStream().toArray();

        double threshold = ThresholdRule.TRAINING_PERCENTILE.threshold(scores);

        assertThat(threshold).isCloseTo(994.005, within(1e-9));
        assertThat(IntStream.range(0, scores.length).filter(i -> scores[i] > threshold).count())
                .isEqualTo(5);
    }

    @Test
    void halfIsThePapersFixedThreshold() {
        assertThat(ThresholdRule.HALF.threshold(new double[] {0.9, 0.99})).isEqualTo(0.5);
    }
}
