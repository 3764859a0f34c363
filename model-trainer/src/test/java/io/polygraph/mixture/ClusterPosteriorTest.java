package io.polygraph.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClusterPosteriorTest {

    private static final double[][] POINTS = {{1.0, 2.0}, {1.5, 1.0}, {-0.5, 2.5}, {2.0, 3.0}};
    private static final MixtureConfig CONFIG = MixtureConfig.defaults();

    @Test
    void logPredictiveIsTheStudentTDensityComputedDirectlyIn2d() {
        NiwPrior prior = new NiwPrior(2, CONFIG, 10);
        ClusterPosterior cluster = clusterOf(prior, POINTS);
        double[] x = {0.3, -1.2};

        double logDensity = cluster.logPredictive(x, new double[2]);

        assertThat(logDensity).isCloseTo(directStudentT(x, POINTS), within(1e-10));
    }

    @Test
    void emptyClusterGivesThePriorPredictive() {
        NiwPrior prior = new NiwPrior(2, CONFIG, 10);
        double[] x = {0.3, -1.2};

        assertThat(prior.logPredictiveOfNewCluster(x))
                .isCloseTo(directStudentT(x, new double[0][]), within(1e-10))
                .isCloseTo(
                        new ClusterPosterior(prior).logPredictive(x, new double[2]), within(1e-10));
    }

    @Test
    void densityWithoutAMemberEqualsTheDensityUnderTheClusterBuiltWithoutIt() {
        NiwPrior prior = new NiwPrior(2, CONFIG, 10);
        ClusterPosterior all = clusterOf(prior, POINTS);
        ClusterPosterior others =
                clusterOf(prior, new double[][] {POINTS[0], POINTS[1], POINTS[2]});

        double without = all.logPredictiveWithout(POINTS[3], new double[2]);

        assertThat(without)
                .isCloseTo(others.logPredictive(POINTS[3], new double[2]), within(1e-10));
    }

    @Test
    void removingAPointRestoresTheEarlierPosterior() {
        NiwPrior prior = new NiwPrior(2, CONFIG, 10);
        ClusterPosterior cluster = clusterOf(prior, POINTS);
        ClusterPosterior expected =
                clusterOf(prior, new double[][] {POINTS[0], POINTS[2], POINTS[3]});
        double[] x = {0.3, -1.2};

        cluster.remove(POINTS[1], new double[2]);

        assertThat(cluster.count()).isEqualTo(3);
        assertThat(cluster.logPredictive(x, new double[2]))
                .isCloseTo(expected.logPredictive(x, new double[2]), within(1e-10));
        cluster.refresh();
        assertThat(cluster.logPredictive(x, new double[2]))
                .isCloseTo(expected.logPredictive(x, new double[2]), within(1e-10));
    }

    @Test
    void logGammaMatchesKnownValues() {
        assertThat(LogGamma.of(1)).isCloseTo(0, within(1e-13));
        assertThat(LogGamma.of(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-13));
        assertThat(LogGamma.of(0.1)).isCloseTo(2.252712651734206, within(1e-12));
        double logFactorial = 0;
        for (int n = 2; n < 150; n++) {
            logFactorial += Math.log(n - 1);
            assertThat(LogGamma.of(n))
                    .isCloseTo(logFactorial, within(1e-12 * Math.max(1, logFactorial)));
        }
    }

    private static ClusterPosterior clusterOf(NiwPrior prior, double[][] points) {
        ClusterPosterior cluster = new ClusterPosterior(prior);
        for (double[] point : points) {
            cluster.add(point, new double[2]);
        }
        return cluster;
    }

    /**
     * The textbook posterior predictive, written out for d = 2 with an explicit 2 x 2 inverse; in
     * two dimensions Gamma((v + 2) / 2) / Gamma(v / 2) = v / 2, so no log-gamma is needed.
     */
    private static double directStudentT(double[] x, double[][] points) {
        int n = points.length;
        double kappa = CONFIG.kappa0() + n;
        double nu = CONFIG.degreesOfFreedom(2) + n;
        double[] sum = new double[2];
        double[][] scatter = new double[2][2];
        for (double[] p : points) {
            for (int i = 0; i < 2; i++) {
                sum[i] += p[i];
                for (int j = 0; j < 2; j++) {
                    scatter[i][j] += p[i] * p[j];
                }
            }
        }
        double[] mu = {sum[0] / kappa, sum[1] / kappa};
        double v = nu - 2 + 1;
        double factor = (kappa + 1) / (kappa * v);
        double[][] sigma = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double psi =
                        (i == j ? CONFIG.priorScale() : 0) + scatter[i][j] - kappa * mu[i] * mu[j];
                sigma[i][j] = factor * psi;
            }
        }
        double det = sigma[0][0] * sigma[1][1] - sigma[0][1] * sigma[1][0];
        double dx = x[0] - mu[0];
        double dy = x[1] - mu[1];
        double quadratic =
                (sigma[1][1] * dx * dx - 2 * sigma[0][1] * dx * dy + sigma[0][0] * dy * dy) / det;
        return Math.log(v / 2)
                - Math.log(v * Math.PI)
                - 0.5 * Math.log(det)
                - 0.5 * (v + 2) * Math.log(1 + quadratic / v);
    }
}
