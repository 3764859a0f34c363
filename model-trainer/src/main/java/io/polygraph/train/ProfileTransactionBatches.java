package io.polygraph.train;

import io.polygraph.detector.FeatureArrays;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.features.FeatureEncoding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * Training batches of the (profile, transaction) pair.
 *
 * <p>Consistent pairs: each training record's profile with its own transaction and recent history.
 * Inconsistent pairs (Eq. 8's negative sampling, "another entity's transaction with this profile"):
 * for each record, a random other entity's current transaction placed after this entity's own
 * recent history, encoded afresh for every batch so that each epoch sees new ones.
 *
 * <p>Why not whole other records as negatives (the in-batch negatives the signature pair uses):
 * tested on a validation world, they teach the network to tell customers apart by their history
 * alone, and then every customer whose habits are unusual for their profile scores low on every
 * transaction, which fills the alert budget with normal customers. Keeping the history and swapping
 * only the current transaction teaches what a single anomalous payment looks like against the
 * profile and the history it follows, and halved the false alarms at equal recall. The in-batch
 * mask of the batch is still built (the graph is shared with the signature pair) but weighs nothing
 * ({@link ProfileTransactionArchitecture#inBatchNegativeShare()}).
 */
final class ProfileTransactionBatches {

    private final FeatureEncoding encoding;
    private final List<MultimodalRecord> records = new ArrayList<>();
    private final List<float[]> profiles = new ArrayList<>();
    private final List<float[]> transactions = new ArrayList<>();
    private final int[] entities;

    ProfileTransactionBatches(List<MultimodalRecord> training, FeatureEncoding encoding) {
        this.encoding = encoding;
        Map<String, Integer> entityIndex = new HashMap<>();
        List<Integer> entityOfRow = new ArrayList<>();
        for (MultimodalRecord record : training) {
            if (record.profile() == null) {
                continue;
            }
            records.add(record);
            profiles.add(encoding.profileFeatures(record));
            transactions.add(encoding.transactionFeatures(record));
            entityOfRow.add(
                    entityIndex.computeIfAbsent(
                            record.transaction().getEntityId(), id -> entityIndex.size()));
        }
        this.entities = entityOfRow.stream().mapToInt(Integer::intValue).toArray();
        if (entityIndex.size() < 2) {
            throw new IllegalArgumentException(
                    "training needs profiles of at least two entities for negative pairs");
        }
    }

    /** Number of consistent pairs. */
    int size() {
        return records.size();
    }

    /** The record of a row. */
    MultimodalRecord record(int row) {
        return records.get(row);
    }

    /** The batches of one epoch, as row indices. */
    List<int[]> epoch(int batchSize, SplittableRandom random) {
        int[] rows = new int[records.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return BatchArrays.shuffledBatches(rows, batchSize, random);
    }

    /** The training inputs of the given rows. */
    MultiDataSet batch(
            int[] rows, PairArchitecture architecture, double dropout, SplittableRandom random) {
        List<float[]> a = new ArrayList<>(rows.length);
        List<float[]> b = new ArrayList<>(rows.length);
        List<float[]> hard = new ArrayList<>(rows.length);
        int[] batchEntities = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int row = rows[k];
            a.add(profiles.get(row));
            b.add(transactions.get(row));
            hard.add(hardNegative(row, random));
            batchEntities[k] = entities[row];
        }
        return BatchArrays.pack(
                FeatureArrays.rows(a, architecture.shapeA()),
                FeatureArrays.rows(b, architecture.shapeB()),
                FeatureArrays.rows(hard, architecture.shapeB()),
                batchEntities,
                architecture,
                dropout,
                random);
    }

    /**
     * A random other entity's current transaction after this entity's own history. The other entity
     * is drawn from everyone, not from the same home region: same-region negatives are often
     * indistinguishable from the customer's own first visit to a new shop, and that label noise
     * lengthened the tail of normal scores on the validation world. The price: most negatives
     * happen far from the history they are placed after, so "far from the recent places" is the
     * network's strongest cue, and a customer's first payment on a trip looks inconsistent too;
     * only the smooth margin ({@link TrainerConfig#marginTemperature()}) ranks an anomaly that is
     * far and at night and from a new device below a holiday purchase that is only far.
     */
    private float[] hardNegative(int row, SplittableRandom random) {
        int other = random.nextInt(records.size());
        for (int attempt = 0; attempt < 20 && entities[other] == entities[row]; attempt++) {
            other = random.nextInt(records.size());
        }
        return encoding.transactionFeatures(
                records.get(other).transaction(), records.get(row).recentTransactions());
    }
}
