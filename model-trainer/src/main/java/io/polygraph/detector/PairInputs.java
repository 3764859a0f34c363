package io.polygraph.detector;

import io.polygraph.features.FeatureEncoding;
import io.polygraph.features.SignatureFeatures;
import io.polygraph.graph.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The network inputs of one batch: which records take part in each pair, and their features as one
 * array per side.
 *
 * <p>Each image is decoded once per batch: an enrolment signature shared by several records of the
 * same entity is decoded once (keyed by its bytes). An image that cannot be decoded removes its
 * record from the signature pair and is reported, never thrown: one bad image must not fail the
 * other records of the batch.
 */
final class PairInputs {

    final int[] profileRows;
    final Tensor profiles;
    final Tensor transactions;
    final int[] signatureRows;
    final Tensor references;
    final Tensor presented;
    final boolean[] signatureUnreadable;

    private PairInputs(
            int[] profileRows,
            Tensor profiles,
            Tensor transactions,
            int[] signatureRows,
            Tensor references,
            Tensor presented,
            boolean[] signatureUnreadable) {
        this.profileRows = profileRows;
        this.profiles = profiles;
        this.transactions = transactions;
        this.signatureRows = signatureRows;
        this.references = references;
        this.presented = presented;
        this.signatureUnreadable = signatureUnreadable;
    }

    static PairInputs of(
            List<MultimodalRecord> batch, FeatureEncoding encoding, SignatureCanvases decoded) {
        List<Integer> profileRows = new ArrayList<>();
        List<float[]> profiles = new ArrayList<>();
        List<float[]> transactions = new ArrayList<>();
        List<Integer> signatureRows = new ArrayList<>();
        List<float[]> references = new ArrayList<>();
        List<float[]> presented = new ArrayList<>();
        boolean[] unreadable = new boolean[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            MultimodalRecord record = batch.get(i);
            if (record.profile() != null) {
                profileRows.add(i);
                profiles.add(encoding.profileFeatures(record));
                transactions.add(encoding.transactionFeatures(record));
            }
            if (record.enrolmentSignature() != null && record.presentedSignature() != null) {
                float[] reference = decoded.ofEnrolment(record.enrolmentSignature());
                float[] shown = decoded.of(record.presentedSignature());
                if (reference == null || shown == null) {
                    unreadable[i] = true;
                } else {
                    signatureRows.add(i);
                    references.add(reference);
                    presented.add(shown);
                }
            } else {
                unreadable[i] = unreadableAlone(record, decoded);
            }
        }
        long[] imageShape = {1, SignatureFeatures.HEIGHT, SignatureFeatures.WIDTH};
        return new PairInputs(
                toArray(profileRows),
                FeatureArrays.tensor(profiles, new long[] {encoding.profileWidth()}),
                FeatureArrays.tensor(transactions, new long[] {encoding.transactionWidth()}),
                toArray(signatureRows),
                FeatureArrays.tensor(references, imageShape),
                FeatureArrays.tensor(presented, imageShape),
                unreadable);
    }

    /** A lone signature (no counterpart to compare with) is still checked, to report it. */
    private static boolean unreadableAlone(MultimodalRecord record, SignatureCanvases decoded) {
        if (record.presentedSignature() != null) {
            return decoded.of(record.presentedSignature()) == null;
        }
        return false;
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
