package io.polygraph.detector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BehaviourAggregationTest {

    @Test
    void joinsTheComputedPairsAndSkipsTheMissingOnes() {
        assertThat(BehaviourAggregation.LEAST_CONSISTENT.of(0.2, Double.NaN, -0.4)).isEqualTo(-0.4);
        assertThat(BehaviourAggregation.MEAN.of(0.2, Double.NaN, -0.4)).isCloseTo(-0.1, within());
        assertThat(BehaviourAggregation.MEAN.of(Double.NaN, Double.NaN)).isNaN();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }
}
