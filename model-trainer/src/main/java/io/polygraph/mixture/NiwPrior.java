package io.polygraph.mixture;

/**
 * The Normal-Inverse-Wishart prior of the mixture in centred coordinates (prior mean 0 = the data
 * mean), and the multivariate Student-t posterior predictive it implies.
 *
 * <p>A cluster holding {@code n} points has posterior {@code kappa_n = kappa_0 + n}, {@code nu_n =
 * m + n}, {@code mu_n = sum / kappa_n} and scale {@code Psi_n}; a new point's predictive density is
 * Student-t with {@code v = nu_n - d + 1} degrees of freedom, location {@code mu_n} and scale
 * matrix {@code Psi_n (kappa_n + 1) / (kappa_n v)}. Everything that depends only on {@code n}
 * (log-gamma terms, the scale factor's determinant) is tabulated once, so that a density costs one
 * forward solve against the factor of {@code Psi_n}.
 */
final class NiwPrior {

    private final int dimension;
    private final double kappa0;
    private final double degreesOfFreedom;
    private final double scale;
    private final double logConcentration;
    private final double[] constants;

    NiwPrior(int dimension, MixtureConfig config, int maxCount) {
        this.dimension = dimension;
        this.kappa0 = config.kappa0();
        this.degreesOfFreedom = config.degreesOfFreedom(dimension);
        this.scale = config.priorScale();
        this.logConcentration = Math.log(config.concentration());
        this.constants = new double[maxCount + 1];
        for (int n = 0; n <= maxCount; n++) {
            constants[n] = logConstant(n);
        }
    }

    int dimension() {
        return dimension;
    }

    double scale() {
        return scale;
    }

    double logConcentration() {
        return logConcentration;
    }

    double kappa(int count) {
        return kappa0 + count;
    }

    /** {@code nu_n - d - 1}: divides {@code Psi_n} into the posterior expected covariance. */
    double covarianceDivisor(int count) {
        return degreesOfFreedom + count - dimension - 1;
    }

    /**
     * The log predictive density of a point under a cluster of {@code count} points, given {@code
     * log det Psi_n} and {@code q = (x - mu_n)^T Psi_n^-1 (x - mu_n)}.
     */
    double logPredictive(int count, double logDetScale, double q) {
        double kappa = kappa0 + count;
        return constants[count]
                - 0.5 * logDetScale
                - 0.5 * (degreesOfFreedom + count + 1) * Math.log1p(q * kappa / (kappa + 1));
    }

    /** The log predictive density of a centred point under a new, empty cluster. */
    double logPredictiveOfNewCluster(double[] x) {
        double squaredNorm = 0;
        for (double value : x) {
            squaredNorm += value * value;
        }
        return logPredictive(0, dimension * Math.log(scale), squaredNorm / scale);
    }

    private double logConstant(int count) {
        double kappa = kappa0 + count;
        double v = degreesOfFreedom + count - dimension + 1;
        double scaleFactor = (kappa + 1) / (kappa * v);
        return LogGamma.of(0.5 * (v + dimension))
                - LogGamma.of(0.5 * v)
                - 0.5 * dimension * Math.log(v * Math.PI)
                - 0.5 * dimension * Math.log(scaleFactor);
    }
}
