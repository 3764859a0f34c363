package io.polygraph.unsupervised;

import java.util.Objects;

/**
 * A fitted mixture of Gaussians with diagonal covariances, fitted by expectation-maximisation.
 *
 * <p>Contract: {@link #fit} is deterministic for a given seed (k-means++ seeding from a {@code
 * SplittableRandom}), and every density is evaluated in log space (log-sum-exp over components), so
 * that points thousands of standard deviations from every component still get finite
 * log-likelihoods and a well-defined hard assignment instead of 0/0. Immutable and thread-safe once
 * fitted.
 *
 * <p>Trade-off, diagonal covariances: DUAD as usually run (scikit-learn's default mixture) uses
 * full covariances, but 20 full covariances on hundreds of dimensions (784 for MNIST) need more
 * points per component than a component gets out of a few thousand, and are singular or
 * ill-conditioned in practice; each would also cost an O(d^3) factorisation per EM iteration.
 * Diagonal covariances with a variance floor ({@link Options#relativeVarianceFloor}) stay
 * well-conditioned with any number of points and cost O(n k d) per iteration. What is lost:
 * correlated directions inside one cluster are modelled as a wider axis-aligned blob, so a
 * correlated cluster may be split into several components. For the DUAD selection, which only ranks
 * clusters by spread, that is a mild departure.
 *
 * <p>Components that lose their points during EM are dropped rather than re-seeded (on contaminated
 * data a re-seeded component lands on an anomaly, fits it alone and empties again), so {@link
 * #components()} can be smaller than requested.
 */
public final class GaussianMixture {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final double[] weights;
    private final double[][] means;
    private final double[][] variances;
    private final int iterations;
    private final boolean converged;
    private final double meanLogLikelihood;
    // Cached per component: log weight - 0.5 * sum_j log(2 pi var_j), and 1 / var.
    private final double[] logNormalisers;
    private final double[][] precisions;

    GaussianMixture(
            double[] weights,
            double[][] means,
            double[][] variances,
            int iterations,
            boolean converged,
            double meanLogLikelihood) {
        this.weights = weights.clone();
        this.means = deepCopy(means);
        this.variances = deepCopy(variances);
        this.iterations = iterations;
        this.converged = converged;
        this.meanLogLikelihood = meanLogLikelihood;
        this.logNormalisers = new double[weights.length];
        this.precisions = new double[weights.length][];
        for (int k = 0; k < weights.length; k++) {
            double logDet = 0;
            precisions[k] = new double[variances[k].length];
            for (int j = 0; j < variances[k].length; j++) {
                logDet += Math.log(variances[k][j]);
                precisions[k][j] = 1.0 / variances[k][j];
            }
            logNormalisers[k] =
                    Math.log(weights[k]) - 0.5 * (logDet + variances[k].length * LOG_2PI);
        }
    }

    /**
     * Fits a mixture of {@code options.components()} Gaussians to the rows of {@code x}.
     *
     * @throws IllegalArgumentException when {@code x} has fewer rows than components, ragged rows,
     *     or non-finite values
     */
    public static GaussianMixture fit(double[][] x, Options options) {
        Objects.requireNonNull(options, "options");
        return new ExpectationMaximization(options).fit(DataChecks.finiteMatrix("x", x));
    }

    /** Fits with default iteration cap, tolerance and variance floor. */
    public static GaussianMixture fit(double[][] x, int components, long seed) {
        return fit(x, Options.of(components, seed));
    }

    /** Index of the component with the largest responsibility for each row. */
    public int[] assign(double[][] x) {
        int[] labels = new int[x.length];
        double[] joint = new double[weights.length];
        for (int i = 0; i < x.length; i++) {
            jointLogDensities(x[i], joint);
            int best = 0;
            for (int k = 1; k < joint.length; k++) {
                if (joint[k] > joint[best]) {
                    best = k;
                }
            }
            labels[i] = best;
        }
        return labels;
    }

    /** {@code log p(x_i)} of each row under the mixture. */
    public double[] logLikelihood(double[][] x) {
        double[] result = new double[x.length];
        double[] joint = new double[weights.length];
        for (int i = 0; i < x.length; i++) {
            jointLogDensities(x[i], joint);
            result[i] = logSumExp(joint);
        }
        return result;
    }

    /**
     * Writes {@code log(w_k) + log N(row | mean_k, diag(var_k))} for every component k into {@code
     * out}.
     */
    void jointLogDensities(double[] row, double[] out) {
        if (row.length != means[0].length) {
            throw new IllegalArgumentException(
                    "row has " + row.length + " columns, mixture " + means[0].length);
        }
        for (int k = 0; k < weights.length; k++) {
            double[] mean = means[k];
            double[] precision = precisions[k];
            double quadratic = 0;
            for (int j = 0; j < row.length; j++) {
                double diff = row[j] - mean[j];
                quadratic += diff * diff * precision[j];
            }
            out[k] = logNormalisers[k] - 0.5 * quadratic;
        }
    }

    /** {@code log(sum_k exp(values[k]))}, shifted by the maximum so that nothing overflows. */
    static double logSumExp(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double value : values) {
            sum += Math.exp(value - max);
        }
        return max + Math.log(sum);
    }

    /** Number of components actually fitted (empty ones are dropped). */
    public int components() {
        return weights.length;
    }

    /** Mixing weights, summing to 1. */
    public double[] weights() {
        return weights.clone();
    }

    /** Component means, [components][columns]. */
    public double[][] means() {
        return deepCopy(means);
    }

    /** Diagonal variances of the components (already floored), [components][columns]. */
    public double[][] variances() {
        return deepCopy(variances);
    }

    /** EM iterations run. */
    public int iterations() {
        return iterations;
    }

    /** Whether EM stopped on the tolerance rather than on the iteration cap. */
    public boolean converged() {
        return converged;
    }

    /** Mean log-likelihood per row of the training data at the last E-step. */
    public double meanLogLikelihood() {
        return meanLogLikelihood;
    }

    private static double[][] deepCopy(double[][] matrix) {
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }

    /**
     * How to fit a mixture.
     *
     * @param components number of components requested
     * @param maxIterations cap on EM iterations
     * @param tolerance EM stops once the mean log-likelihood per row improves by less than this
     *     (absolute, in nats, as scikit-learn's {@code tol})
     * @param relativeVarianceFloor every component variance is at least this times the mean column
     *     variance of the data: the regularisation that keeps a component fitted to a few identical
     *     points (or a constant pixel) from collapsing to a zero variance and an infinite density;
     *     relative so that it means the same on raw pixels and on unit-norm embeddings
     * @param seed seed of the k-means++ initialisation
     */
    public record Options(
            int components,
            int maxIterations,
            double tolerance,
            double relativeVarianceFloor,
            long seed) {

        /** Defaults: 200 iterations, tolerance 1e-3, variance floor 1e-3 of the mean variance. */
        public static Options of(int components, long seed) {
            return new Options(components, 200, 1e-3, 1e-3, seed);
        }

        public Options {
            if (components < 1) {
                throw new IllegalArgumentException("components must be at least 1: " + components);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException(
                        "maxIterations must be at least 1: " + maxIterations);
            }
            if (!(tolerance >= 0) || !(relativeVarianceFloor > 0)) {
                throw new IllegalArgumentException(
                        "tolerance must be >= 0 and relativeVarianceFloor > 0");
            }
        }

        /** The same options with another seed. */
        public Options withSeed(long newSeed) {
            return new Options(
                    components, maxIterations, tolerance, relativeVarianceFloor, newSeed);
        }
    }
}
