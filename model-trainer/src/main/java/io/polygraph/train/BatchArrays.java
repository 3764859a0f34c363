package io.polygraph.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arrays every training batch needs besides the features: the in-batch negative mask, the
 * dropout masks, and the packing into a {@link MultiDataSet} in {@link PairGraphs#TRAINING_INPUTS}
 * order.
 */
public final class BatchArrays {

    private BatchArrays() {}

    /** [n, n] with 1 where rows i and j belong to different entities (an inconsistent pair). */
    static INDArray negativeMask(int[] entities) {
        int n = entities.length;
        float[] mask = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                mask[i * n + j] = entities[i] != entities[j] ? 1f : 0f;
            }
        }
        return Nd4j.createFromArray(mask).reshape(n, n);
    }

    /**
     * [rows, width] inverted-dropout mask: 0 with probability {@code dropout}, else {@code 1 / (1 -
     * dropout)}, so that expected activations match the inference graph, which has no mask.
     */
    static INDArray dropoutMask(int rows, int width, double dropout, SplittableRandom random) {
        float keep = (float) (1.0 - dropout);
        float[] mask = new float[rows * width];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = dropout == 0 || random.nextDouble() < keep ? 1f / keep : 0f;
        }
        return Nd4j.createFromArray(mask).reshape(rows, width);
    }

    /** The training inputs of one batch, in placeholder order. */
    static MultiDataSet pack(
            INDArray a,
            INDArray b,
            INDArray hardB,
            int[] entities,
            PairArchitecture architecture,
            double dropout,
            SplittableRandom random) {
        int n = entities.length;
        INDArray[] features = {
            a,
            b,
            hardB,
            negativeMask(entities),
            dropoutMask(n, architecture.dropWidthA(), dropout, random),
            dropoutMask(n, architecture.dropWidthB(), dropout, random),
            dropoutMask(n, architecture.dropWidthB(), dropout, random)
        };
        return new MultiDataSet(features, new INDArray[0]);
    }

    /** Shuffled row indices cut into batches; a last batch of fewer than 2 rows is dropped. */
    public static List<int[]> shuffledBatches(int[] rows, int batchSize, SplittableRandom random) {
        int[] order = rows.clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start + 1 < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            if (end - start >= 2) {
                int[] batch = new int[end - start];
                System.arraycopy(order, start, batch, 0, batch.length);
                batches.add(batch);
            }
        }
        return batches;
    }
}
