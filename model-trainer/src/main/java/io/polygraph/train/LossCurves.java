package io.polygraph.train;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Per-epoch loss curves as a snapshot's training configuration stores them, shared by the GAN
 * detectors' training results.
 */
final class LossCurves {

    private LossCurves() {}

    /**
     * Appends {@code values} to {@code array}, one element per epoch. JSON has no NaN, so a
     * non-finite value would be written as null; a diverged run never gets here (training stops
     * with {@link io.polygraph.gan.TrainingDivergedException} and writes no snapshot), so this is a
     * guard for the encoding, not a way to save such a run.
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
