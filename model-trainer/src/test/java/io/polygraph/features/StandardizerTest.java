package io.polygraph.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardizerTest {

    private static final boolean[] CONTINUOUS = {true, false, true};

    @Test
    void standardisesContinuousColumnsAndLeavesIndicatorsAlone() {
        // Column 0: mean 2, std 1; column 1: an indicator; column 2: constant 5.
        List<float[]> rows =
                List.of(
                        new float[] {1, 0, 5},
                        new float[] {3, 1, 5},
                        new float[] {2, 1, 5},
                        new float[] {2, 0, 5});
        Standardizer standardizer = Standardizer.fit(rows, CONTINUOUS);

        float[] standardised = standardizer.apply(new float[] {3, 1, 5});

        double std = Math.sqrt(0.5);
        assertThat(standardised[0]).isCloseTo((float) (1 / std), within(1e-5f));
        assertThat(standardised[1]).isEqualTo(1f);
        assertThat(standardised[2]).isZero();
        assertThat(standardizer.stds()[2]).isEqualTo(Standardizer.MIN_STD);
    }

    @Test
    void clipsExtremeValues() {
        Standardizer standardizer =
                Standardizer.fit(List.of(new float[] {0, 0, 0}, new float[] {2, 1, 0}), CONTINUOUS);

        float[] standardised = standardizer.apply(new float[] {1_000_000, 0, -1_000_000});

        assertThat(standardised[0]).isEqualTo(Standardizer.CLIP);
        assertThat(standardised[2]).isEqualTo(-Standardizer.CLIP);
    }
}
