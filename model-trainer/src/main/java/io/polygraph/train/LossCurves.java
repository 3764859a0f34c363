package io.polygraph.train;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Per-epoch loss curves as a snapshot's training configuration stores them, shared by the GAN
 * detectors' training results.
 */
final class LossCurves {

    private LossCurves() {}

    /**
     * Appends {@code values} to {@code array}, one element per epoch. JSON has no NaN: a diverged
     * epoch is recorded as null rather than failing the snapshot.
     */
    static void put(ArrayNode array, double[] values) {
        for (double value : values) {
            if (Double.isFinite(value)) {
                array.add(value);
            } else {
                array.addNull();
            }
        }
    }
}
