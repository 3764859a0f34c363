package io.polygraph.eval.run;

/**
 * All modalities of a record in one row, for the detectors that see everything at once without
 * being told which columns belong together: {@code [profile | profile missing | transaction |
 * enrolment | enrolment missing | presented | presented missing]}.
 *
 * <p>Contract: the tabular blocks are taken as they are (the feature encoding has already
 * standardised them on the same training records). Each downsampled signature block is centred on
 * its per-pixel training mean and multiplied by one factor per block, chosen so that its pixels'
 * mean training variance is 1, like a standardised column's. One factor per block rather than one
 * per pixel, because per-pixel standardisation turns a stroke of ink in an almost always blank
 * border pixel into a huge value (see {@code InputScaling}); centring matters because the
 * autoencoders score the angle between a row and its reconstruction, which an uncentred
 * all-positive block would dominate. A missing block is all zeros (its training mean) with its flag
 * set to 1, so "missing" is visible without posing as a particular value. Both signatures are
 * included, the enrolment one too: without it no detector on this row could compare a presented
 * signature with the holder's own, and the concatenation baseline would be a strawman for signature
 * mismatches. Fitted once on the training blocks, then applied unchanged.
 */
final class ConcatenatedFeatures {

    private final int profileWidth;
    private final BlockScaling enrolment;
    private final BlockScaling presented;

    private ConcatenatedFeatures(int profileWidth, BlockScaling enrolment, BlockScaling presented) {
        this.profileWidth = profileWidth;
        this.enrolment = enrolment;
        this.presented = presented;
    }

    /** Fits the signature blocks' centring and scale on {@code training}. */
    static ConcatenatedFeatures fit(ModalityBlocks training) {
        return new ConcatenatedFeatures(
                training.profileWidth(),
                BlockScaling.fit(training.enrolmentSmall()),
                BlockScaling.fit(training.presentedSmall()));
    }

    /** One concatenated row per record of {@code blocks}. */
    double[][] rows(ModalityBlocks blocks) {
        double[][] rows = new double[blocks.size()][];
        for (int i = 0; i < rows.length; i++) {
            double[] row =
                    new double
                            [profileWidth
                                    + blocks.transaction()[i].length
                                    + enrolment.width()
                                    + presented.width()
                                    + 3];
            int at = put(row, 0, blocks.profile()[i], profileWidth);
            System.arraycopy(blocks.transaction()[i], 0, row, at, blocks.transaction()[i].length);
            at += blocks.transaction()[i].length;
            at = put(row, at, enrolment.apply(blocks.enrolmentSmall()[i]), enrolment.width());
            put(row, at, presented.apply(blocks.presentedSmall()[i]), presented.width());
            rows[i] = row;
        }
        return rows;
    }

    /**
     * Writes {@code block} (zeros when null) and its missing flag at {@code at}; the next index.
     */
    private static int put(double[] row, int at, double[] block, int width) {
        if (block != null) {
            System.arraycopy(block, 0, row, at, width);
        }
        row[at + width] = block == null ? 1 : 0;
        return at + width + 1;
    }

    /** Per-pixel centring and one common scale of a signature block. */
    private record BlockScaling(double[] means, double scale) {

        static BlockScaling fit(double[][] rows) {
            int width = ModalityBlocks.SMALL_HEIGHT * ModalityBlocks.SMALL_WIDTH;
            double[] means = new double[width];
            int present = 0;
            for (double[] row : rows) {
                if (row != null) {
                    present++;
                    for (int j = 0; j < width; j++) {
                        means[j] += row[j];
                    }
                }
            }
            if (present < 2) {
                // Nothing to learn a scale from: the block stays as it is, only flagged.
                return new BlockScaling(new double[width], 1);
            }
            double squares = 0;
            for (int j = 0; j < width; j++) {
                means[j] /= present;
            }
            for (double[] row : rows) {
                if (row != null) {
                    for (int j = 0; j < width; j++) {
                        squares += (row[j] - means[j]) * (row[j] - means[j]);
                    }
                }
            }
            double meanVariance = squares / ((present - 1.0) * width);
            return new BlockScaling(means, meanVariance > 0 ? 1 / Math.sqrt(meanVariance) : 1);
        }

        int width() {
            return means.length;
        }

        double[] apply(double[] row) {
            if (row == null) {
                return null;
            }
            double[] scaled = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                scaled[j] = (row[j] - means[j]) * scale;
            }
            return scaled;
        }
    }
}
