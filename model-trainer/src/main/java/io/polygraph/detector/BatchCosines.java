package io.polygraph.detector;

/**
 * The raw cosine of each modality pair for each record of a batch, before calibration.
 *
 * <p>NaN marks a pair that could not be computed for that record (a modality missing or an
 * unreadable signature image). Used by the trainer to calibrate and by the detector to score.
 *
 * @param profileTransaction cosine of (profile, transaction) per record, or NaN
 * @param signature cosine of (enrolment, presented signature) per record, or NaN
 * @param signatureUnreadable whether a signature image of the record could not be decoded
 */
public record BatchCosines(
        double[] profileTransaction, double[] signature, boolean[] signatureUnreadable) {

    /** Number of records. */
    public int size() {
        return profileTransaction.length;
    }

    /** The cosines of consecutive batches as one. */
    public static BatchCosines concat(java.util.List<BatchCosines> parts) {
        int size = parts.stream().mapToInt(BatchCosines::size).sum();
        double[] profileTransaction = new double[size];
        double[] signature = new double[size];
        boolean[] unreadable = new boolean[size];
        int offset = 0;
        for (BatchCosines part : parts) {
            System.arraycopy(part.profileTransaction, 0, profileTransaction, offset, part.size());
            System.arraycopy(part.signature, 0, signature, offset, part.size());
            System.arraycopy(part.signatureUnreadable, 0, unreadable, offset, part.size());
            offset += part.size();
        }
        return new BatchCosines(profileTransaction, signature, unreadable);
    }
}
