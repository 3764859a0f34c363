package io.polygraph.train;

import io.polygraph.features.FeatureVocabularies;
import io.polygraph.fusion.HistoryEncoding;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training batches of the {@code cmad-sequence} behaviour consensus space: the (profile,
 * transaction) batches of {@link ProfileTransactionBatches}, hard negatives included, with each
 * record's recent transactions as a sequence ({@link HistoryEncoding}) added, in {@link
 * BehaviourGraphs#TRAINING_INPUTS} order. Sequences are encoded once, when the batches are made.
 */
final class BehaviourBatches implements TrainingLoop.BehaviourSource {

    private final ProfileTransactionBatches pairs;
    private final PairArchitecture architecture;
    private final int steps;
    private final int flat;
    private final float[] sequences;
    private final float[] masks;

    BehaviourBatches(
            ProfileTransactionBatches pairs,
            BehaviourArchitecture architecture,
            HistoryEncoding history,
            FeatureVocabularies vocabularies) {
        this.pairs = pairs;
        this.architecture = architecture.profileTransaction();
        this.steps = history.steps();
        this.flat = architecture.historyWidth();
        this.sequences = new float[pairs.size() * flat];
        this.masks = new float[pairs.size() * steps];
        for (int row = 0; row < pairs.size(); row++) {
            history.encode(
                    pairs.record(row), vocabularies, sequences, row * flat, masks, row * steps);
        }
    }

    /** Number of consistent records. */
    int size() {
        return pairs.size();
    }

    @Override
    public LossRecorder lossRecorder() {
        return BehaviourGraphs.lossRecorder();
    }

    @Override
    public List<int[]> epoch(int batchSize, SplittableRandom random) {
        return pairs.epoch(batchSize, random);
    }

    @Override
    public MultiDataSet batch(int[] rows, double dropout, SplittableRandom random) {
        INDArray[] pairFeatures = pairs.batch(rows, architecture, dropout, random).getFeatures();
        float[] sequence = new float[rows.length * flat];
        float[] mask = new float[rows.length * steps];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(sequences, rows[k] * flat, sequence, k * flat, flat);
            System.arraycopy(masks, rows[k] * steps, mask, k * steps, steps);
        }
        INDArray[] features = new INDArray[pairFeatures.length + 2];
        System.arraycopy(pairFeatures, 0, features, 0, pairFeatures.length);
        features[pairFeatures.length] = Nd4j.createFromArray(sequence).reshape(rows.length, flat);
        features[pairFeatures.length + 1] = Nd4j.createFromArray(mask).reshape(rows.length, steps);
        return new MultiDataSet(features, new INDArray[0]);
    }
}
