package io.polygraph.gan.mmoc;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Draws the reference rows the target network learns to tell from normal rows: independent
 * Gaussians per column, centred on the (scaled) training rows' column means, {@value #SPREAD} times
 * their standard deviations wide.
 *
 * <p>Why this reference: it covers the data and a wide margin around it, so the target network sees
 * reference rows wherever a fraud could lie, including between the normal modes; and being much
 * broader than any one mode, its density is nearly flat where the data is, so the classifier's
 * output orders rows by the data's own density. Column statistics of the scaled rows make it fit
 * any {@link io.polygraph.train.InputScaling}.
 */
final class ReferenceSample {

    /** Reference standard deviation per column, in units of the data's. */
    static final double SPREAD = 2.0;

    private final float[] means;
    private final float[] stds;

    private ReferenceSample(float[] means, float[] stds) {
        this.means = means;
        this.stds = stds;
    }

    /** The reference for the rows of {@code x}, [rows, d]. */
    static ReferenceSample fittedTo(INDArray x) {
        float[][] rows = x.toFloatMatrix();
        int width = rows[0].length;
        float[] means = new float[width];
        float[] stds = new float[width];
        for (int j = 0; j < width; j++) {
            double sum = 0;
            double squares = 0;
            for (float[] row : rows) {
                sum += row[j];
                squares += (double) row[j] * row[j];
            }
            double mean = sum / rows.length;
            double variance = Math.max(0, squares / rows.length - mean * mean);
            means[j] = (float) mean;
            // A constant column still gets some spread, or the reference would sit on the data.
            stds[j] = (float) (SPREAD * Math.max(Math.sqrt(variance), 1e-3));
        }
        return new ReferenceSample(means, stds);
    }

    /** {@code rows} reference rows, [rows, d]. */
    INDArray sample(int rows, SplittableRandom random) {
        int width = means.length;
        float[] values = new float[rows * width];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < width; j++) {
                values[i * width + j] = (float) (means[j] + stds[j] * random.nextGaussian());
            }
        }
        return Nd4j.createFromArray(values).reshape(rows, width);
    }
}
