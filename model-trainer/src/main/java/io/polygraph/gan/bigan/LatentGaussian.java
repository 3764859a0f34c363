package io.polygraph.gan.bigan;

import io.polygraph.mixture.Cholesky;
import io.polygraph.mixture.MixtureCluster;

/**
 * The single-Gaussian baseline of the IGMM-BiGAN protocol: one Gaussian fitted to the encoded
 * training rows by maximum likelihood, scored by Mahalanobis distance in the same latent space as
 * the mixture.
 *
 * <p>The fit is returned as a {@link MixtureCluster}, so that the baseline and the mixture share
 * one distance ({@link MixtureCluster#mahalanobis}) and one storage format. The covariance is the
 * sample covariance (divided by {@code n}) plus a ridge of {@value #RELATIVE_RIDGE} times its mean
 * variance on the diagonal: an encoder can leave a latent direction (nearly) constant, and the
 * ridge keeps the factorisation defined there while changing the distances of a well-spread latent
 * cloud by about a millionth.
 */
final class LatentGaussian {

    /** Diagonal ridge, relative to the mean variance over the latent columns. */
    static final double RELATIVE_RIDGE = 1e-6;

    /** Ridge floor, for latent rows that are all equal. */
    static final double MIN_RIDGE = 1e-12;

    private LatentGaussian() {}

    /**
     * The maximum-likelihood Gaussian of the rows of {@code latent} ([rows][d], at least one row).
     */
    static MixtureCluster fit(double[][] latent) {
        int n = latent.length;
        int d = latent[0].length;
        double[] mean = new double[d];
        for (double[] row : latent) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        // Column-major, both triangles, as Cholesky.factor wants it.
        double[] covariance = new double[d * d];
        for (double[] row : latent) {
            for (int j = 0; j < d; j++) {
                double dj = row[j] - mean[j];
                for (int i = 0; i < d; i++) {
                    covariance[j * d + i] += (row[i] - mean[i]) * dj / n;
                }
            }
        }
        double trace = 0;
        for (int j = 0; j < d; j++) {
            trace += covariance[j * d + j];
        }
        double ridge = Math.max(MIN_RIDGE, RELATIVE_RIDGE * trace / d);
        for (int j = 0; j < d; j++) {
            covariance[j * d + j] += ridge;
        }
        if (!Cholesky.factor(covariance, d)) {
            throw new IllegalStateException(
                    "the latent covariance is not positive definite even with a ridge of " + ridge);
        }
        return new MixtureCluster(n, mean, factorRows(covariance, d));
    }

    /** The lower triangle of a column-major factor as rows: row i holds {@code L[i][0..i]}. */
    private static double[][] factorRows(double[] factor, int d) {
        double[][] rows = new double[d][];
        for (int i = 0; i < d; i++) {
            rows[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                rows[i][j] = factor[j * d + i];
            }
        }
        return rows;
    }
}
