package io.polygraph.gan;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Standard normal noise for a generator, drawn from the caller's seeded stream rather than ND4J's
 * global generator, so that training is reproducible whatever else runs in the JVM.
 */
public final class GaussianNoise {

    private GaussianNoise() {}

    /** A [rows, width] float array of independent N(0, 1) draws. */
    public static INDArray sample(int rows, int width, SplittableRandom random) {
        float[] values = new float[rows * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Nd4j.createFromArray(values).reshape(rows, width);
    }
}
