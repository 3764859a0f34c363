package io.polygraph.mixture;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One kept cluster of an {@link InfiniteGaussianMixture}: its posterior expected mean and
 * covariance, the covariance stored as its lower Cholesky factor so that distances need only a
 * triangular solve.
 *
 * @param size number of training points in the cluster
 * @param mean posterior expected mean, length d
 * @param covarianceFactor lower Cholesky factor {@code L} of the posterior expected covariance
 *     {@code L L^T}, as rows: row i holds {@code L[i][0..i]}; positive diagonal
 */
public record MixtureCluster(int size, double[] mean, double[][] covarianceFactor) {

    @JsonCreator
    public MixtureCluster(
            @JsonProperty("size") int size,
            @JsonProperty("mean") double[] mean,
            @JsonProperty("covarianceFactor") double[][] covarianceFactor) {
        if (size < 1 || mean == null || covarianceFactor == null) {
            throw new IllegalArgumentException("a cluster needs a size >= 1, a mean and a factor");
        }
        int d = mean.length;
        if (d == 0 || covarianceFactor.length != d) {
            throw new IllegalArgumentException(
                    "a cluster of dimension " + d + " needs " + d + " factor rows");
        }
        double[][] rows = new double[d][];
        for (int i = 0; i < d; i++) {
            if (covarianceFactor[i] == null || covarianceFactor[i].length != i + 1) {
                throw new IllegalArgumentException(
                        "factor row " + i + " needs " + (i + 1) + " entries");
            }
            if (!(covarianceFactor[i][i] > 0)) {
                throw new IllegalArgumentException("factor diagonal " + i + " must be positive");
            }
            rows[i] = covarianceFactor[i].clone();
        }
        this.size = size;
        this.mean = mean.clone();
        this.covarianceFactor = rows;
    }

    /** The Mahalanobis distance {@code sqrt((z - mean)^T Sigma^-1 (z - mean))}. */
    public double mahalanobis(double[] z) {
        int d = mean.length;
        if (z.length != d) {
            throw new IllegalArgumentException(
                    "vector has " + z.length + " entries, the cluster " + d);
        }
        // Forward substitution L y = z - mean; the distance is |y|.
        double[] y = new double[d];
        double sum = 0;
        for (int i = 0; i < d; i++) {
            double[] row = covarianceFactor[i];
            double value = z[i] - mean[i];
            for (int j = 0; j < i; j++) {
                value -= row[j] * y[j];
            }
            y[i] = value / row[i];
            sum += y[i] * y[i];
        }
        return Math.sqrt(sum);
    }

    /** The covariance {@code L L^T} (a fresh d x d array). */
    public double[][] covariance() {
        int d = mean.length;
        double[][] covariance = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int k = 0; k <= j; k++) {
                    sum += covarianceFactor[i][k] * covarianceFactor[j][k];
                }
                covariance[i][j] = sum;
                covariance[j][i] = sum;
            }
        }
        return covariance;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[][] covarianceFactor() {
        double[][] copy = new double[covarianceFactor.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = covarianceFactor[i].clone();
        }
        return copy;
    }
}
