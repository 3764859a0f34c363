package io.polygraph.gan.mmoc;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Draws the generator's latent codes from the code head's output on real rows: for each real row of
 * a batch, one code {@code c ~ Q(c | x)}, as a one-hot row.
 *
 * <p>Why from Q rather than uniformly: the codes then follow the share of real rows that Q assigns
 * to each mode, so a large normal mode gets as many complementary samples around it as its size
 * warrants, and a code that Q gives to no real row stops being drawn. Before Q has learnt anything
 * its output is close to uniform, and so are the codes. Draws come from the caller's seeded stream.
 */
final class CodeSampler {

    private CodeSampler() {}

    /**
     * One-hot codes, [rows, m], row {@code i} drawn from the categorical distribution in row {@code
     * i} of {@code probabilities} ([rows, m], rows summing to 1 up to rounding).
     */
    static INDArray sample(INDArray probabilities, SplittableRandom random) {
        float[][] p = probabilities.toFloatMatrix();
        int m = (int) probabilities.size(1);
        float[] oneHot = new float[p.length * m];
        for (int i = 0; i < p.length; i++) {
            oneHot[i * m + draw(p[i], random.nextDouble())] = 1f;
        }
        return Nd4j.createFromArray(oneHot).reshape(p.length, m);
    }

    /** The first index whose cumulative probability exceeds {@code u}; the last if rounding. */
    static int draw(float[] probabilities, double u) {
        double total = 0;
        for (float value : probabilities) {
            total += value;
        }
        double cumulative = 0;
        for (int k = 0; k < probabilities.length; k++) {
            cumulative += probabilities[k] / total;
            if (u < cumulative) {
                return k;
            }
        }
        return probabilities.length - 1;
    }
}
