package io.polygraph.detector;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The reason codes a detector can attach to a {@link RecordScore}. */
public final class ReasonCodes {
    /** The presented signature does not match the entity's enrolment signature. */
    public static final String SIGNATURE_INCONSISTENT = "SIGNATURE_INCONSISTENT";

    /** The transaction behaviour does not fit the entity's profile. */
    public static final String BEHAVIOUR_INCONSISTENT_WITH_PROFILE =
            "BEHAVIOUR_INCONSISTENT_WITH_PROFILE";

    /** The transaction does not fit the entity's recent transactions ({@code cmad-sequence}). */
    public static final String BEHAVIOUR_INCONSISTENT_WITH_HISTORY =
            "BEHAVIOUR_INCONSISTENT_WITH_HISTORY";

    /** No profile was known when the transaction was scored. */
    public static final String PROFILE_MISSING = "PROFILE_MISSING";

    /** No enrolment signature was known to compare a presented signature with. */
    public static final String ENROLMENT_SIGNATURE_MISSING = "ENROLMENT_SIGNATURE_MISSING";

    /** The transaction said a signature was captured but none arrived in time. */
    public static final String PRESENTED_SIGNATURE_MISSING = "PRESENTED_SIGNATURE_MISSING";

    /**
     * A signature image of the record could not be decoded, so the signature pair was not scored.
     * Jobs should dead-letter such images when they decode records (see {@code
     * io.polygraph.features.SignatureFeatures#decodable}); a scorer reports them instead of failing
     * the batch.
     */
    public static final String SIGNATURE_UNREADABLE = "SIGNATURE_UNREADABLE";

    /**
     * The detector found the record anomalous as a whole without attributing it to a modality or
     * pair: a classifier head in a combination, for example.
     */
    public static final String SCORED_ANOMALOUS = "SCORED_ANOMALOUS";

    /** The record as a whole could not be reproduced by an autoencoder of normal records. */
    public static final String RECONSTRUCTION_ANOMALOUS = "RECONSTRUCTION_ANOMALOUS";

    private static final Set<String> MISSING_MODALITY =
            Set.of(
                    PROFILE_MISSING,
                    ENROLMENT_SIGNATURE_MISSING,
                    PRESENTED_SIGNATURE_MISSING,
                    SIGNATURE_UNREADABLE);

    private ReasonCodes() {}

    /** Whether {@code code} says what a record lacked (one of {@link #missing}'s codes). */
    public static boolean isMissingModality(String code) {
        return MISSING_MODALITY.contains(code);
    }

    /**
     * The codes of what {@code record} lacks for a full verdict: a profile, the enrolment signature
     * a presented one needs, the presented signature the transaction announced, and readable
     * signature images.
     */
    public static List<String> missing(MultimodalRecord record, boolean signatureUnreadable) {
        List<String> reasons = new ArrayList<>(2);
        if (record.profile() == null) {
            reasons.add(PROFILE_MISSING);
        }
        if (record.presentedSignature() != null && record.enrolmentSignature() == null) {
            reasons.add(ENROLMENT_SIGNATURE_MISSING);
        }
        if (record.transaction().getSignatureCaptured() && record.presentedSignature() == null) {
            reasons.add(PRESENTED_SIGNATURE_MISSING);
        }
        if (signatureUnreadable) {
            reasons.add(SIGNATURE_UNREADABLE);
        }
        return reasons;
    }
}
