package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.features.Standardizer;
import org.junit.jupiter.api.Test;

class InputScalingTest {

    private static final double[][] PIXELS = {{0.0, 0.2, 1.0}, {0.0, 0.4, 0.5}, {0.0, 0.6, 0.0}};

    @Test
    void rawLeavesValuesOnTheirCommonScale() {
        Standardizer raw = InputScaling.RAW.fit(PIXELS);

        assertThat(raw.apply(new float[] {0.0f, 0.2f, 1.0f})).containsExactly(0.0f, 0.2f, 1.0f);
    }

    @Test
    void standardisedCentresAndScalesEachColumn() {
        Standardizer standardised = InputScaling.STANDARDISED.fit(PIXELS);

        float[] first = standardised.apply(new float[] {0.0f, 0.2f, 1.0f});

        // Column 0 is constant: centred to 0, its std floored rather than divided by 0.
        assertThat(first[0]).isZero();
        assertThat((double) first[1]).isCloseTo(-Math.sqrt(1.5), within(1e-5));
        assertThat((double) first[2]).isCloseTo(Math.sqrt(1.5), within(1e-5));
    }
}
