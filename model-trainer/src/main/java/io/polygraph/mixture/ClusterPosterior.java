package io.polygraph.mixture;

import java.util.Arrays;

/**
 * One cluster of the Gibbs sampler: its sufficient statistics (count, sum, sum of outer products)
 * and the Cholesky factor of its posterior scale matrix {@code Psi_n}, in centred coordinates.
 *
 * <p>Contract: adding or removing a point costs O(d^2) (a rank-1 Cholesky update or downdate); the
 * factor is recomputed from the sufficient statistics by {@link #refresh()} once a sweep, so that
 * rounding errors of many downdates cannot accumulate. A point's density under the cluster without
 * that point ({@link #logPredictiveWithout}) is obtained from the current factor by the matrix
 * determinant lemma and Sherman-Morrison, so that a point that stays where it is (most points,
 * after burn-in) costs one forward solve and no update at all. Mutable, not thread-safe.
 */
final class ClusterPosterior {

    private final NiwPrior prior;
    private final int d;
    private final double[] sum;
    private final double[] outerProducts;
    private final double[] factor;
    private int count;
    private double logDetScale;
    private boolean stale;

    /** Position in the sampler's list of active clusters. */
    int index;

    ClusterPosterior(NiwPrior prior) {
        this.prior = prior;
        this.d = prior.dimension();
        this.sum = new double[d];
        this.outerProducts = new double[d * d];
        this.factor = new double[d * d];
        clear();
    }

    /** Empties the cluster: the factor becomes that of the prior scale {@code s * I}. */
    void clear() {
        count = 0;
        Arrays.fill(sum, 0);
        Arrays.fill(outerProducts, 0);
        Arrays.fill(factor, 0);
        double root = Math.sqrt(prior.scale());
        for (int j = 0; j < d; j++) {
            factor[j * d + j] = root;
        }
        logDetScale = d * Math.log(prior.scale());
        stale = false;
    }

    int count() {
        return count;
    }

    /** The log predictive density of {@code x}; {@code work} is a scratch array of length d. */
    double logPredictive(double[] x, double[] work) {
        double q = squaredDistanceToMean(x, work);
        return prior.logPredictive(count, logDetScale, q);
    }

    /**
     * The log predictive density of {@code x}, a member, under this cluster without {@code x}; NaN
     * when the lemma is numerically unsafe (the caller then removes the point for real). Needs
     * {@code count >= 2}.
     */
    double logPredictiveWithout(double[] x, double[] work) {
        double q = squaredDistanceToMean(x, work);
        // Removing x subtracts a u u^T from Psi, u = x - mu, a = kappa / (kappa - 1); x is then
        // a u away from the new mean.
        double kappa = prior.kappa(count);
        double a = kappa / (kappa - 1);
        double remaining = 1 - a * q;
        if (!(remaining > 1e-8)) {
            return Double.NaN;
        }
        double qWithout = a * a * q / remaining;
        return prior.logPredictive(count - 1, logDetScale + Math.log(remaining), qWithout);
    }

    /** Adds a point; {@code work} is a scratch array of length d. */
    void add(double[] x, double[] work) {
        double weight = Math.sqrt(prior.kappa(count) / (prior.kappa(count) + 1));
        differenceToMean(x, work, weight);
        Cholesky.rankOne(factor, d, work, +1);
        accumulate(x, +1);
        logDetScale = Cholesky.logDeterminant(factor, d);
        stale = true;
    }

    /** Removes a member point; {@code work} is a scratch array of length d. */
    void remove(double[] x, double[] work) {
        if (count == 1) {
            clear();
            return;
        }
        double weight = Math.sqrt(prior.kappa(count) / (prior.kappa(count) - 1));
        differenceToMean(x, work, weight);
        boolean downdated = Cholesky.rankOne(factor, d, work, -1);
        accumulate(x, -1);
        stale = true;
        if (downdated) {
            logDetScale = Cholesky.logDeterminant(factor, d);
        } else {
            refresh();
        }
    }

    /** Recomputes the factor from the sufficient statistics if points moved since the last one. */
    void refresh() {
        if (!stale) {
            return;
        }
        // Psi_n = s I + sum x x^T - sum sum^T / kappa_n (prior mean 0 in centred coordinates).
        double inverseKappa = 1 / prior.kappa(count);
        for (int j = 0; j < d; j++) {
            double sumJ = sum[j] * inverseKappa;
            int column = j * d;
            for (int i = 0; i < d; i++) {
                factor[column + i] = outerProducts[column + i] - sum[i] * sumJ;
            }
            factor[column + j] += prior.scale();
        }
        if (!Cholesky.factor(factor, d)) {
            throw new IllegalStateException(
                    "posterior scale matrix of a cluster of " + count + " points is not positive");
        }
        logDetScale = Cholesky.logDeterminant(factor, d);
        stale = false;
    }

    /** The posterior expected mean {@code mu_n}, centred. */
    double[] posteriorMean() {
        double[] mean = new double[d];
        double inverseKappa = 1 / prior.kappa(count);
        for (int j = 0; j < d; j++) {
            mean[j] = sum[j] * inverseKappa;
        }
        return mean;
    }

    /**
     * The Cholesky factor of the posterior expected covariance {@code Psi_n / (nu_n - d - 1)}, as
     * lower-triangular rows (row i has i + 1 entries).
     */
    double[][] covarianceFactorRows() {
        refresh();
        double root = Math.sqrt(prior.covarianceDivisor(count));
        double[][] rows = new double[d][];
        for (int i = 0; i < d; i++) {
            rows[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                rows[i][j] = factor[j * d + i] / root;
            }
        }
        return rows;
    }

    private double squaredDistanceToMean(double[] x, double[] work) {
        differenceToMean(x, work, 1);
        return Cholesky.squaredNormOfSolve(factor, d, work);
    }

    private void differenceToMean(double[] x, double[] work, double weight) {
        double inverseKappa = 1 / prior.kappa(count);
        for (int j = 0; j < d; j++) {
            work[j] = weight * (x[j] - sum[j] * inverseKappa);
        }
    }

    private void accumulate(double[] x, int sign) {
        count += sign;
        for (int j = 0; j < d; j++) {
            double xj = sign * x[j];
            sum[j] += xj;
            int column = j * d;
            for (int i = 0; i < d; i++) {
                outerProducts[column + i] += x[i] * xj;
            }
        }
    }
}
