package io.polygraph.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CholeskyTest {

    private static final int D = 7;

    @Test
    void factorReproducesTheMatrix() {
        double[] a = randomSpd(new SplittableRandom(1));
        double[] factor = a.clone();

        assertThat(Cholesky.factor(factor, D)).isTrue();

        assertThat(product(factor)).containsExactly(a, within(1e-10));
    }

    @Test
    void rankOneUpdateAndDowndateEqualAFreshFactorisation() {
        SplittableRandom random = new SplittableRandom(2);
        double[] a = randomSpd(random);
        double[] x = new double[D];
        for (int i = 0; i < D; i++) {
            x[i] = random.nextGaussian();
        }
        double[] updatedMatrix = a.clone();
        for (int j = 0; j < D; j++) {
            for (int i = 0; i < D; i++) {
                updatedMatrix[j * D + i] += x[i] * x[j];
            }
        }
        double[] expectedUpdated = updatedMatrix.clone();
        Cholesky.factor(expectedUpdated, D);
        double[] expectedOriginal = a.clone();
        Cholesky.factor(expectedOriginal, D);

        double[] factor = expectedOriginal.clone();
        assertThat(Cholesky.rankOne(factor, D, x.clone(), +1)).isTrue();
        assertThat(factor).containsExactly(expectedUpdated, within(1e-10));

        assertThat(Cholesky.rankOne(factor, D, x.clone(), -1)).isTrue();
        assertThat(factor).containsExactly(expectedOriginal, within(1e-10));
    }

    @Test
    void downdateThatWouldLosePositiveDefinitenessIsRefused() {
        double[] identity = new double[D * D];
        for (int j = 0; j < D; j++) {
            identity[j * D + j] = 1;
        }
        double[] x = new double[D];
        x[3] = 1.5;

        assertThat(Cholesky.rankOne(identity, D, x, -1)).isFalse();
    }

    @Test
    void solveGivesTheQuadraticFormAndLogDeterminantMatchesTheProductOfPivots() {
        // Diagonal matrix diag(1, 4, 9, ...): quadratic form sum b_i^2 / (i + 1)^2.
        double[] factor = new double[D * D];
        double[] b = new double[D];
        double expectedQuadratic = 0;
        double expectedLogDet = 0;
        for (int i = 0; i < D; i++) {
            factor[i * D + i] = i + 1;
            b[i] = i - 2;
            expectedQuadratic += b[i] * b[i] / ((i + 1.0) * (i + 1.0));
            expectedLogDet += 2 * Math.log(i + 1);
        }

        assertThat(Cholesky.squaredNormOfSolve(factor, D, b))
                .isCloseTo(expectedQuadratic, within(1e-12));
        assertThat(Cholesky.logDeterminant(factor, D)).isCloseTo(expectedLogDet, within(1e-12));
    }

    private static double[] randomSpd(SplittableRandom random) {
        double[] b = new double[D * D];
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextGaussian();
        }
        double[] a = new double[D * D];
        for (int j = 0; j < D; j++) {
            for (int i = 0; i < D; i++) {
                double sum = i == j ? 0.5 : 0;
                for (int k = 0; k < D; k++) {
                    sum += b[k * D + i] * b[k * D + j];
                }
                a[j * D + i] = sum;
            }
        }
        return a;
    }

    private static double[] product(double[] factor) {
        double[] a = new double[D * D];
        for (int j = 0; j < D; j++) {
            for (int i = 0; i < D; i++) {
                double sum = 0;
                for (int k = 0; k <= Math.min(i, j); k++) {
                    sum += factor[k * D + i] * factor[k * D + j];
                }
                a[j * D + i] = sum;
            }
        }
        return a;
    }
}
