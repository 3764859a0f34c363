package io.polygraph.unsupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianMixtureTest {

    private static final double[][] CENTRES = {{0, 0}, {10, 0}, {0, 10}};

    @Test
    void recoversThreeWellSeparatedClusters() {
        int[] truth = new int[600];
        double[][] x = blobs(truth, 1.0, 11);

        GaussianMixture mixture = GaussianMixture.fit(x, 3, 5);

        assertThat(mixture.components()).isEqualTo(3);
        assertThat(mixture.converged()).isTrue();
        assertThat(purity(mixture.assign(x), truth, 3)).isGreaterThan(0.95);
        assertThat(Arrays.stream(mixture.weights()).boxed())
                .allSatisfy(w -> assertThat(w).isBetween(0.28, 0.39));
        for (double[] variance : mixture.variances()) {
            assertThat(Arrays.stream(variance).boxed())
                    .allSatisfy(v -> assertThat(v).isBetween(0.7, 1.4));
        }
    }

    @Test
    void isDeterministicForASeed() {
        double[][] x = blobs(new int[600], 2.5, 12);

        GaussianMixture first = GaussianMixture.fit(x, 6, 99);
        GaussianMixture second = GaussianMixture.fit(x, 6, 99);

        assertThat(second.means()).isDeepEqualTo(first.means());
        assertThat(second.variances()).isDeepEqualTo(first.variances());
        assertThat(second.assign(x)).containsExactly(first.assign(x));
    }

    @Test
    void staysFiniteForPointsFarFromEveryComponent() {
        // Tight clusters a million units apart: linear-space responsibilities would be 0 / 0.
        SplittableRandom random = new SplittableRandom(3);
        double[][] x = new double[200][];
        for (int i = 0; i < x.length; i++) {
            double centre = i < 100 ? 0 : 1e6;
            x[i] =
                    new double[] {
                        centre + 1e-3 * random.nextGaussian(), 1e-3 * random.nextGaussian()
                    };
        }
        GaussianMixture mixture = GaussianMixture.fit(x, 2, 1);
        double[][] far = {{5e5, 0}, {-3e6, 1e6}, {1e6, 0}};

        assertThat(Arrays.stream(mixture.logLikelihood(x)).boxed())
                .allSatisfy(l -> assertThat(l).isFinite());
        assertThat(Arrays.stream(mixture.logLikelihood(far)).boxed())
                .allSatisfy(l -> assertThat(l).isFinite());
        int[] labels = mixture.assign(x);
        assertThat(labels[0]).isNotEqualTo(labels[150]);
        assertThat(mixture.assign(far)[2]).isEqualTo(labels[150]);
    }

    @Test
    void floorsTheVarianceOfAConstantColumn() {
        double[][] x = blobs(new int[300], 1.0, 13);
        for (double[] row : x) {
            row[1] = 7.0;
        }

        GaussianMixture mixture = GaussianMixture.fit(x, 3, 2);

        for (double[] variance : mixture.variances()) {
            assertThat(variance[1]).isPositive();
        }
        assertThat(Arrays.stream(mixture.logLikelihood(x)).boxed())
                .allSatisfy(l -> assertThat(l).isFinite());
    }

    @Test
    void fitsFewerComponentsWhenTheDataHasFewerDistinctPoints() {
        double[][] x = new double[40][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {i % 2, 0};
        }

        GaussianMixture mixture = GaussianMixture.fit(x, 5, 4);

        assertThat(mixture.components()).isEqualTo(2);
        assertThat(mixture.weights()).containsExactly(0.5, 0.5);
    }

    @Test
    void rejectsMoreComponentsThanRowsAndNonFiniteValues() {
        assertThatThrownBy(() -> GaussianMixture.fit(new double[][] {{1}, {2}}, 3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 components");
        assertThatThrownBy(() -> GaussianMixture.fit(new double[][] {{1}, {Double.NaN}}, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1");
    }

    /** 2-D Gaussian blobs around {@link #CENTRES}; {@code truth} receives each row's blob. */
    static double[][] blobs(int[] truth, double std, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[truth.length][];
        for (int i = 0; i < x.length; i++) {
            truth[i] = i % CENTRES.length;
            double[] centre = CENTRES[truth[i]];
            x[i] =
                    new double[] {
                        centre[0] + std * random.nextGaussian(),
                        centre[1] + std * random.nextGaussian()
                    };
        }
        return x;
    }

    /** Share of rows whose cluster's majority true label is their own. */
    static double purity(int[] labels, int[] truth, int classes) {
        int clusters = 0;
        for (int label : labels) {
            clusters = Math.max(clusters, label + 1);
        }
        int[][] counts = new int[clusters][classes];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]][truth[i]]++;
        }
        int majority = 0;
        for (int[] row : counts) {
            int max = 0;
            for (int count : row) {
                max = Math.max(max, count);
            }
            majority += max;
        }
        return (double) majority / labels.length;
    }
}
