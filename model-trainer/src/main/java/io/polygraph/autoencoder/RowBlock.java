package io.polygraph.autoencoder;

/**
 * The blocks of a {@link ConcatenatedRows} row, in row order, each its values followed by its
 * missing flag (the transaction, never missing, has no flag).
 *
 * <p>The order is part of the snapshot format: the calibration stores one entry per block in this
 * order.
 */
public enum RowBlock {
    /** The KYC profile features. */
    PROFILE("profile"),
    /** The transaction with its recent-history summary. */
    TRANSACTION("transaction"),
    /** The entity's enrolment signature, downsampled. */
    ENROLMENT_SIGNATURE("enrolment-signature"),
    /** The signature presented with the transaction, downsampled. */
    PRESENTED_SIGNATURE("presented-signature");

    private final String contributionName;

    RowBlock(String contributionName) {
        this.contributionName = contributionName;
    }

    /** The block's name in a record's contributions (as DMAFN names its modalities). */
    public String contributionName() {
        return contributionName;
    }

    /** Whether record {@code i} of {@code blocks} has this block. */
    public boolean presentIn(RecordBlocks blocks, int i) {
        return switch (this) {
            case PROFILE -> blocks.profile()[i] != null;
            case TRANSACTION -> true;
            case ENROLMENT_SIGNATURE -> blocks.enrolmentSmall()[i] != null;
            case PRESENTED_SIGNATURE -> blocks.presentedSmall()[i] != null;
        };
    }

    /** Number of blocks. */
    public static int count() {
        return values().length;
    }
}
