package io.polygraph.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.polygraph.detector.SnapshotJson;
import io.polygraph.features.SignatureFeatures;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The layout, scaling and missing flags of the concatenated row, and its JSON round trip. */
class ConcatenatedRowsTest {

    private static final int SMALL = RecordBlocks.SMALL;

    @Test
    void signatureBlocksAreCentredAndScaledToUnitMeanVarianceAndMissingOnesFlagged() {
        double[][] enrolment = {small(0.2), small(0.6), small(0.4)};
        double[][] presented = {small(0.1), null, small(0.3)};
        RecordBlocks training = blocks(new double[][] {{1, 2}, {3, 4}, null}, enrolment, presented);

        ConcatenatedRows encoding = ConcatenatedRows.fit(training);
        double[][] rows = encoding.rows(training);

        // [profile 2 | flag | transaction 1 | enrolment SMALL | flag | presented SMALL | flag]
        assertThat(rows[0]).hasSize(2 + 1 + 1 + SMALL + 1 + SMALL + 1);
        assertThat(encoding.width()).isEqualTo(rows[0].length);
        assertThat(encoding.end(RowBlock.PROFILE)).isEqualTo(3);
        assertThat(encoding.start(RowBlock.TRANSACTION)).isEqualTo(3);
        assertThat(encoding.end(RowBlock.ENROLMENT_SIGNATURE)).isEqualTo(4 + SMALL + 1);
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
    void theFittedEncodingSurvivesItsJsonForm() throws Exception {
        RecordBlocks training =
                blocks(
                        new double[][] {{1, 2}, {3, 4}, {5, 6}},
                        new double[][] {small(0.2), small(0.6), small(0.4)},
                        new double[][] {small(0.1), small(0.5), small(0.3)});
        ConcatenatedRows encoding = ConcatenatedRows.fit(training);

        JsonNode json = SnapshotJson.canonicalTree(encoding);
        ConcatenatedRows read = SnapshotJson.mapper().treeToValue(json, ConcatenatedRows.class);

        assertThat(read).isEqualTo(encoding);
        assertThat(read.rows(training)).isDeepEqualTo(encoding.rows(training));
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

        double[] small = RecordBlocks.thumbnail(canvas);

        assertThat(small[RecordBlocks.SMALL_WIDTH + 2]).isEqualTo(1.0);
        assertThat(small[RecordBlocks.SMALL_WIDTH + 3]).isEqualTo(0.5);
        assertThat(Arrays.stream(small).sum()).isEqualTo(1.5);
    }

    private static double[] small(double value) {
        double[] row = new double[SMALL];
        Arrays.fill(row, value);
        return row;
    }

    private static RecordBlocks blocks(
            double[][] profile, double[][] enrolment, double[][] presented) {
        double[][] transaction = {{7}, {7}, {7}};
        return new RecordBlocks(
                2, profile, transaction, new double[3][], enrolment, presented, new boolean[3]);
    }
}
