package io.polygraph.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.features.SignatureFeatures;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout, scaling and missing flags of the concatenated row. */
class ConcatenatedFeaturesTest {

    private static final int SMALL = ModalityBlocks.SMALL_HEIGHT * ModalityBlocks.SMALL_WIDTH;

    @Test
    void signatureBlocksAreCentredAndScaledToUnitMeanVarianceAndMissingOnesFlagged() {
        double[][] enrolment = {small(0.2), small(0.6), small(0.4)};
        double[][] presented = {small(0.1), null, small(0.3)};
        ModalityBlocks training =
                blocks(new double[][] {{1, 2}, {3, 4}, null}, enrolment, presented);

        double[][] rows = ConcatenatedFeatures.fit(training).rows(training);

        // [profile 2 | flag | transaction 1 | enrolment SMALL | flag | presented SMALL | flag]
        assertThat(rows[0]).hasSize(2 + 1 + 1 + SMALL + 1 + SMALL + 1);
        assertThat(Arrays.copyOfRange(rows[2], 0, 4)).containsExactly(0, 0, 1, 7);
        assertThat(Arrays.copyOfRange(rows[0], 0, 4)).containsExactly(1, 2, 0, 7);
        // Enrolment pixels: mean 0.4, sample variance 0.04, so (0.2 - 0.4) / 0.2 = -1.
        assertThat(rows[0][4]).isCloseTo(-1.0, within(1e-9));
        assertThat(rows[1][4 + SMALL - 1]).isCloseTo(1.0, within(1e-9));
        assertThat(rows[0][4 + SMALL]).isZero();
        // Presented: mean of the present rows 0.2, variance 0.02; row 1 has none: zeros, flag 1.
        int presentedStart = 4 + SMALL + 1;
        assertThat(rows[2][presentedStart]).isCloseTo(0.1 / Math.sqrt(0.02), within(1e-9));
        assertThat(Arrays.copyOfRange(rows[1], presentedStart, presentedStart + SMALL))
                .containsOnly(0.0);
        assertThat(rows[1][presentedStart + SMALL]).isEqualTo(1.0);
    }

    @Test
    void downsamplingAveragesFourByFourPixelBlocks() {
        double[] canvas = new double[SignatureFeatures.HEIGHT * SignatureFeatures.WIDTH];
        // Fill the 4x4 block in the second block-row, third block-column, and half of the next.
        for (int y = 4; y < 8; y++) {
            for (int x = 8; x < 14; x++) {
                canvas[y * SignatureFeatures.WIDTH + x] = 1;
            }
        }

        double[] small = ModalityBlocks.downsampled(canvas);

        assertThat(small[ModalityBlocks.SMALL_WIDTH + 2]).isEqualTo(1.0);
        assertThat(small[ModalityBlocks.SMALL_WIDTH + 3]).isEqualTo(0.5);
        assertThat(Arrays.stream(small).sum()).isEqualTo(1.5);
    }

    private static double[] small(double value) {
        double[] row = new double[SMALL];
        Arrays.fill(row, value);
        return row;
    }

    private static ModalityBlocks blocks(
            double[][] profile, double[][] enrolment, double[][] presented) {
        double[][] transaction = {{7}, {7}, {7}};
        return new ModalityBlocks(
                2,
                profile,
                transaction,
                new double[3][],
                enrolment,
                presented,
                List.of("NORMAL", "NORMAL", "NORMAL"));
    }
}
