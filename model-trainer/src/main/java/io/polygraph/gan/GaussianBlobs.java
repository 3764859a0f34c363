package io.polygraph.gan;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Synthetic rows for the GAN benchmarks ({@code BiganTiming}, {@code MmocTiming}): a few round
 * Gaussian blobs, reproducible from a seed. Their sizes, not their shape, are what the benchmarks
 * measure, so the blobs are simple on purpose.
 */
public final class GaussianBlobs {

    private GaussianBlobs() {}

    /** Rows from {@code components} equally likely round Gaussians with means about 2 apart. */
    public static INDArray sample(int rows, int dimension, int components, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] centres = new float[components][dimension];
        for (float[] centre : centres) {
            for (int j = 0; j < dimension; j++) {
                centre[j] = (float) random.nextGaussian();
            }
        }
        float[][] x = new float[rows][dimension];
        for (int i = 0; i < rows; i++) {
            float[] centre = centres[random.nextInt(components)];
            for (int j = 0; j < dimension; j++) {
                x[i][j] = centre[j] + (float) (0.3 * random.nextGaussian());
            }
        }
        return Nd4j.createFromArray(x);
    }
}
