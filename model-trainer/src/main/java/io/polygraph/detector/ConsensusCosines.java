package io.polygraph.detector;

import java.util.List;

/**
 * The raw cosine of each pair of a {@code cmad-sequence} detector for each record of a batch,
 * before calibration; NaN marks a pair that could not be computed (a modality missing, an empty
 * history, an unreadable signature).
 *
 * @param profileTransaction cosine of (profile, transaction) per record, or NaN
 * @param profileHistory cosine of (profile, history) per record, or NaN
 * @param transactionHistory cosine of (transaction, history) per record, or NaN
 * @param signature cosine of (enrolment, presented signature) per record, or NaN
 * @param signatureUnreadable whether a signature image of the record could not be decoded
 */
public record ConsensusCosines(
        double[] profileTransaction,
        double[] profileHistory,
        double[] transactionHistory,
        double[] signature,
        boolean[] signatureUnreadable) {

    /** Number of records. */
    public int size() {
        return profileTransaction.length;
    }

    /** The cosines of consecutive batches as one. */
    public static ConsensusCosines concat(List<ConsensusCosines> parts) {
        int size = parts.stream().mapToInt(ConsensusCosines::size).sum();
        double[][] columns = new double[4][size];
        boolean[] unreadable = new boolean[size];
        int offset = 0;
        for (ConsensusCosines part : parts) {
            double[][] from = {
                part.profileTransaction,
                part.profileHistory,
                part.transactionHistory,
                part.signature
            };
            for (int k = 0; k < 4; k++) {
                System.arraycopy(from[k], 0, columns[k], offset, part.size());
            }
            System.arraycopy(part.signatureUnreadable, 0, unreadable, offset, part.size());
            offset += part.size();
        }
        return new ConsensusCosines(columns[0], columns[1], columns[2], columns[3], unreadable);
    }
}
