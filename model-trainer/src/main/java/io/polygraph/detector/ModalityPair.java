package io.polygraph.detector;

/**
 * The modality pairs the CMAD detector compares, with the names of their contributions and the
 * reason code each raises when it is inconsistent.
 */
public enum ModalityPair {
    /** The KYC profile against the transaction and the entity's recent transactions. */
    PROFILE_TRANSACTION("profile~transaction", ReasonCodes.BEHAVIOUR_INCONSISTENT_WITH_PROFILE),

    /** The presented signature against the enrolment (reference) signature. */
    SIGNATURE("signature~enrolment", ReasonCodes.SIGNATURE_INCONSISTENT),

    /**
     * The KYC profile against the entity's recent transactions as a sequence ({@code
     * cmad-sequence}).
     */
    PROFILE_HISTORY("profile~history", ReasonCodes.BEHAVIOUR_INCONSISTENT_WITH_PROFILE),

    /**
     * The current transaction against the entity's recent transactions as a sequence ({@code
     * cmad-sequence}).
     */
    TRANSACTION_HISTORY("transaction~history", ReasonCodes.BEHAVIOUR_INCONSISTENT_WITH_HISTORY);

    private final String contributionName;
    private final String inconsistencyCode;

    ModalityPair(String contributionName, String inconsistencyCode) {
        this.contributionName = contributionName;
        this.inconsistencyCode = inconsistencyCode;
    }

    /**
     * Name of the pair in {@link RecordScore.Contribution}s, for example {@code
     * profile~transaction}.
     */
    public String contributionName() {
        return contributionName;
    }

    /** The reason code raised when the pair scores below the threshold. */
    public String inconsistencyCode() {
        return inconsistencyCode;
    }
}
