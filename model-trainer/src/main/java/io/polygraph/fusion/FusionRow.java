package io.polygraph.fusion;

/**
 * One record's encoded inputs, computed once and reused by every batch and epoch.
 *
 * <p>Signature canvases are shared between rows of the same entity (one decoded enrolment image),
 * so they must not be modified.
 *
 * @param profile standardised profile features, or null when the record has no profile
 * @param transaction standardised transaction features
 * @param history flattened history sequence ({@link HistoryEncoding})
 * @param historyMask 1 for each step that holds a transaction
 * @param enrolment enrolment signature canvas, or null
 * @param presented presented signature canvas, or null
 * @param signatureUnreadable whether a signature of the record could not be decoded
 */
public record FusionRow(
        float[] profile,
        float[] transaction,
        float[] history,
        float[] historyMask,
        float[] enrolment,
        float[] presented,
        boolean signatureUnreadable) {

    /** Whether the network sees {@code modality} for this record. */
    public boolean has(Modality modality) {
        return switch (modality) {
            case PROFILE -> profile != null;
            case TRANSACTION -> true;
            case HISTORY -> historyMask.length > 0 && historyMask[historyMask.length - 1] > 0;
            // The enrolment signature is the reference a presented one is checked against; alone it
            // says nothing of the transaction, and the convolutional tower would then run on
            // nearly every record (every customer has one), for most of the scoring cost.
            case ENROLMENT_SIGNATURE -> enrolment != null && presented != null;
            case PRESENTED_SIGNATURE -> presented != null;
        };
    }
}
