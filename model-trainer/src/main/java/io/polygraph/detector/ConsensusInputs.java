package io.polygraph.detector;

import io.polygraph.features.FeatureEncoding;
import io.polygraph.fusion.HistoryEncoding;
import io.polygraph.graph.Tensor;
import java.util.List;

/**
 * The inputs of a {@link ConsensusNetwork} for one batch, every record in one row: a record without
 * a profile gets a row of zeros there (its profile pairs are not reported), so that its
 * transaction~history pair is still computed in the same run.
 */
final class ConsensusInputs {

    final Tensor profiles;
    final Tensor transactions;
    final Tensor history;
    final Tensor historyMask;
    final boolean[] hasProfile;
    final boolean[] hasHistory;

    private ConsensusInputs(
            Tensor profiles,
            Tensor transactions,
            Tensor history,
            Tensor historyMask,
            boolean[] hasProfile,
            boolean[] hasHistory) {
        this.profiles = profiles;
        this.transactions = transactions;
        this.history = history;
        this.historyMask = historyMask;
        this.hasProfile = hasProfile;
        this.hasHistory = hasHistory;
    }

    static ConsensusInputs of(
            List<MultimodalRecord> batch, FeatureEncoding encoding, HistoryEncoding sequence) {
        int n = batch.size();
        int profileWidth = encoding.profileWidth();
        int transactionWidth = encoding.transactionWidth();
        int steps = sequence.steps();
        int flat = steps * sequence.stepWidth(encoding.vocabularies());
        float[] profiles = new float[n * profileWidth];
        float[] transactions = new float[n * transactionWidth];
        float[] history = new float[n * flat];
        float[] mask = new float[n * steps];
        boolean[] hasProfile = new boolean[n];
        boolean[] hasHistory = new boolean[n];
        for (int i = 0; i < n; i++) {
            MultimodalRecord record = batch.get(i);
            float[] profile = encoding.profileFeatures(record);
            if (profile != null) {
                System.arraycopy(profile, 0, profiles, i * profileWidth, profileWidth);
                hasProfile[i] = true;
            }
            float[] transaction = encoding.transactionFeatures(record);
            System.arraycopy(transaction, 0, transactions, i * transactionWidth, transactionWidth);
            int present =
                    sequence.encode(
                            record, encoding.vocabularies(), history, i * flat, mask, i * steps);
            hasHistory[i] = present > 0;
        }
        return new ConsensusInputs(
                matrix(profiles, n, profileWidth),
                matrix(transactions, n, transactionWidth),
                matrix(history, n, flat),
                matrix(mask, n, steps),
                hasProfile,
                hasHistory);
    }

    private static Tensor matrix(float[] values, int rows, int columns) {
        return new Tensor(new int[] {rows, columns}, values);
    }
}
