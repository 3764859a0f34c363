package io.polygraph.fusion;

/**
 * The modalities the DMAFN fusion network sees of a record, each with its own extractor.
 *
 * <p>The order is the order of the network's per-modality inputs, masks and outputs; it is part of
 * the snapshot format, so new modalities go at the end.
 */
public enum Modality {
    /** The KYC profile: tabular, through a multilayer perceptron. */
    PROFILE("profile", "PROFILE_INCONSISTENT"),
    /** The scored transaction with its history summary: tabular, through a perceptron. */
    TRANSACTION("transaction", "TRANSACTION_INCONSISTENT"),
    /** The entity's recent transactions in order, through an LSTM. */
    HISTORY("history", "HISTORY_INCONSISTENT"),
    /** The signature enrolled for the account, through the shared convolutional network. */
    ENROLMENT_SIGNATURE("enrolment-signature", "ENROLMENT_SIGNATURE_INCONSISTENT"),
    /** The signature presented with the transaction, through the same network. */
    PRESENTED_SIGNATURE("presented-signature", "SIGNATURE_INCONSISTENT");

    private final String contributionName;
    private final String inconsistencyCode;

    Modality(String contributionName, String inconsistencyCode) {
        this.contributionName = contributionName;
        this.inconsistencyCode = inconsistencyCode;
    }

    /** The name of this modality in a record's contributions and explanations. */
    public String contributionName() {
        return contributionName;
    }

    /** The reason code of a record whose modality scores below the threshold. */
    public String inconsistencyCode() {
        return inconsistencyCode;
    }

    /** Number of modalities. */
    public static int count() {
        return values().length;
    }
}
