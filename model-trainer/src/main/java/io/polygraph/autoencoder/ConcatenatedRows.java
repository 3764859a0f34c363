package io.polygraph.autoencoder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * All modalities of a record in one row, for detectors that see everything at once without being
 * told which columns belong together: {@code [profile | profile missing | transaction | enrolment |
 * enrolment missing | presented | presented missing]} (see {@link RowBlock}).
 *
 * <p>Contract: the tabular blocks are taken as they are (the feature encoding has already
 * standardised them on the same training records). Each downsampled signature block is scaled by
 * its {@link BlockScaling}. A missing block is all zeros (its training mean) with its flag set to
 * 1, so "missing" is visible without posing as a particular value. Both signatures are included,
 * the enrolment one too: without it no detector on this row could compare a presented signature
 * with the holder's own. Fitted once on the training blocks ({@link #fit}), stored in the snapshot
 * as JSON, then applied unchanged; a record's row depends on that record alone. Shared by the
 * {@code autoencoder} detector and the world baselines, so both see the same row.
 *
 * @param profileWidth number of profile columns
 * @param transactionWidth number of transaction columns
 * @param enrolment scaling of the enrolment signature block
 * @param presented scaling of the presented signature block
 */
public record ConcatenatedRows(
        int profileWidth, int transactionWidth, BlockScaling enrolment, BlockScaling presented) {

    @JsonCreator
    public ConcatenatedRows(
            @JsonProperty("profileWidth") int profileWidth,
            @JsonProperty("transactionWidth") int transactionWidth,
            @JsonProperty("enrolment") BlockScaling enrolment,
            @JsonProperty("presented") BlockScaling presented) {
        if (profileWidth < 1 || transactionWidth < 1) {
            throw new IllegalArgumentException("block widths must be at least 1");
        }
        this.profileWidth = profileWidth;
        this.transactionWidth = transactionWidth;
        this.enrolment = Objects.requireNonNull(enrolment, "enrolment");
        this.presented = Objects.requireNonNull(presented, "presented");
    }

    /** Fits the signature blocks' centring and scale on {@code training}. */
    public static ConcatenatedRows fit(RecordBlocks training) {
        if (training.size() == 0) {
            throw new IllegalArgumentException("cannot fit the row encoding on no records");
        }
        return new ConcatenatedRows(
                training.profileWidth(),
                training.transaction()[0].length,
                BlockScaling.fit(training.enrolmentSmall(), RecordBlocks.SMALL),
                BlockScaling.fit(training.presentedSmall(), RecordBlocks.SMALL));
    }

    /** Number of columns of a row. */
    public int width() {
        return end(RowBlock.PRESENTED_SIGNATURE);
    }

    /** The first column of {@code block}. */
    public int start(RowBlock block) {
        return block.ordinal() == 0 ? 0 : end(RowBlock.values()[block.ordinal() - 1]);
    }

    /** One past the last column of {@code block} (its missing flag included). */
    public int end(RowBlock block) {
        int end = 0;
        for (RowBlock b : RowBlock.values()) {
            end += columns(b);
            if (b == block) {
                return end;
            }
        }
        throw new IllegalStateException("unknown block " + block);
    }

    private int columns(RowBlock block) {
        return switch (block) {
            case PROFILE -> profileWidth + 1;
            case TRANSACTION -> transactionWidth;
            case ENROLMENT_SIGNATURE -> enrolment.width() + 1;
            case PRESENTED_SIGNATURE -> presented.width() + 1;
        };
    }

    /** One concatenated row per record of {@code blocks}. */
    public double[][] rows(RecordBlocks blocks) {
        double[][] rows = new double[blocks.size()][];
        for (int i = 0; i < rows.length; i++) {
            double[] transaction = blocks.transaction()[i];
            if (transaction.length != transactionWidth) {
                throw new IllegalArgumentException(
                        "record "
                                + i
                                + " has "
                                + transaction.length
                                + " transaction columns, the encoding "
                                + transactionWidth);
            }
            double[] row = new double[width()];
            int at = put(row, 0, blocks.profile()[i], profileWidth);
            System.arraycopy(transaction, 0, row, at, transactionWidth);
            at += transactionWidth;
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
}
