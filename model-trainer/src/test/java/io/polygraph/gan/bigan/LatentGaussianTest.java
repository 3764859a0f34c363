package io.polygraph.gan.bigan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.mixture.MixtureCluster;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatentGaussianTest {

    /** Rows {@code (a + b, b)} with a ~ N(1, 4), b ~ N(-2, 1): covariance [[5, 1], [1, 1]]. */
    private static double[][] correlated(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[rows][];
        for (int i = 0; i < rows; i++) {
            double a = 1 + 2 * random.nextGaussian();
            double b = -2 + random.nextGaussian();
            x[i] = new double[] {a + b, b};
        }
        return x;
    }

    @Test
    void fitsTheSampleMeanAndCovariance() {
        MixtureCluster gaussian = LatentGaussian.fit(correlated(20_000, 1));

        assertThat(gaussian.size()).isEqualTo(20_000);
        assertThat(gaussian.mean()).containsExactly(new double[] {-1, -2}, within(0.05));
        double[][] covariance = gaussian.covariance();
        assertThat(covariance[0][0]).isCloseTo(5, within(0.15));
        assertThat(covariance[0][1]).isCloseTo(1, within(0.05));
        assertThat(covariance[1][1]).isCloseTo(1, within(0.05));
    }

    @Test
    void theDistanceFollowsTheCorrelation() {
        MixtureCluster gaussian = LatentGaussian.fit(correlated(20_000, 2));
        double[] mean = gaussian.mean();

        // Along the correlation (a shift of b moves both columns) a step is cheap; against it,
        // the same Euclidean step is far: (1, 1) has Mahalanobis distance 1, (1, -1) sqrt(2).
        double along = gaussian.mahalanobis(new double[] {mean[0] + 1, mean[1] + 1});
        double against = gaussian.mahalanobis(new double[] {mean[0] + 1, mean[1] - 1});

        assertThat(gaussian.mahalanobis(mean)).isEqualTo(0);
        assertThat(along).isCloseTo(1, within(0.05));
        assertThat(against).isCloseTo(Math.sqrt(2), within(0.05));
    }

    @Test
    void aConstantLatentColumnStillGivesADistance() {
        double[][] x = {{1, 0}, {2, 0}, {3, 0}, {4, 0}};

        MixtureCluster gaussian = LatentGaussian.fit(x);

        assertThat(gaussian.mahalanobis(new double[] {2.5, 0})).isEqualTo(0);
        assertThat(gaussian.mahalanobis(new double[] {2.5, 0.01})).isGreaterThan(10);
    }
}
