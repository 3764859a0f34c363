package io.polygraph.mixture;

import java.util.function.Consumer;

/**
 * Hyperparameters and sampling schedule of the infinite Gaussian mixture ({@link
 * InfiniteGaussianMixture#fit}).
 *
 * <p>The prior is a Normal-Inverse-Wishart on each cluster's mean and covariance: mean {@code mu_0}
 * = the data mean, mean pseudo-count {@code kappa_0}, inverse-Wishart scale matrix {@code Sigma_0 =
 * s * I} and {@code m} degrees of freedom; the clusters are drawn from a Dirichlet process (Chinese
 * restaurant process) with concentration {@code alpha}. Because {@code m} must exceed the dimension
 * {@code d}, which the configuration does not know, it is given as {@code m - d}: the paper's best
 * MNIST values ({@link #defaults()}) are {@code kappa_0 = 0.1}, {@code m = d + 20}, {@code s = 7}.
 * The paper gives no {@code alpha}; 1 is the usual neutral choice.
 *
 * <p>Schedule: {@code sweeps} full Gibbs sweeps after one sequential initialisation pass; after
 * {@code burnIn} sweeps a label sample is kept every {@code thinning} sweeps (sweeps 350, 400, 450
 * and 500 with the defaults); clusters of the consensus labelling with at most {@code
 * minClusterSize} points are dropped.
 *
 * <p>Units: {@code s} is an absolute scale, so it means something only against the spread of the
 * data. The paper's {@code s = 7} is for codes on the scale of the BiGAN's {@code N(0, I)} prior;
 * an encoder whose codes spread by 0.1 to 0.6 per column (measured on MNIST after 20 to 150 epochs)
 * meets a prior whose expected cluster covariance (about {@code 0.37 I}) is wider than the whole
 * cloud, and the sampler keeps one cluster. With {@code scaleToUnitVariance} the rows are divided
 * by each column's standard deviation before sampling and the clusters are mapped back, so that
 * {@code Sigma_0 = s * I} is in units of the data's spread; the literal form ({@code
 * false}) is the default.
 *
 * @param kappa0 pseudo-count of the prior mean, {@code > 0}
 * @param extraDegreesOfFreedom {@code m - d}, {@code > 0}, so that every cluster's posterior
 *     expected covariance exists
 * @param priorScale {@code s} in {@code Sigma_0 = s * I}, {@code > 0}
 * @param concentration {@code alpha} of the Dirichlet process, {@code > 0}
 * @param sweeps Gibbs sweeps over all points, after the initialisation pass
 * @param burnIn sweeps discarded before the first label sample
 * @param thinning sweeps between two label samples
 * @param minClusterSize clusters with at most this many points are dropped from the model
 * @param seed seed of the sampler: the same data and configuration give the same clusters
 * @param scaleToUnitVariance whether the prior is stated in units of each column's standard
 *     deviation (see above) rather than in the data's own units
 */
public record MixtureConfig(
        double kappa0,
        double extraDegreesOfFreedom,
        double priorScale,
        double concentration,
        int sweeps,
        int burnIn,
        int thinning,
        int minClusterSize,
        long seed,
        boolean scaleToUnitVariance) {

    public MixtureConfig {
        checkPositive("kappa0", kappa0);
        checkPositive("extraDegreesOfFreedom (m - d)", extraDegreesOfFreedom);
        checkPositive("priorScale (s)", priorScale);
        checkPositive("concentration (alpha)", concentration);
        if (sweeps < 1 || burnIn < 0 || thinning < 1) {
            throw new IllegalArgumentException(
                    "sweeps and thinning must be at least 1 and burnIn at least 0: sweeps "
                            + sweeps
                            + ", burnIn "
                            + burnIn
                            + ", thinning "
                            + thinning);
        }
        if (burnIn + thinning > sweeps) {
            throw new IllegalArgumentException(
                    "burnIn + thinning must not exceed sweeps, or no label sample is taken: "
                            + burnIn
                            + " + "
                            + thinning
                            + " > "
                            + sweeps);
        }
        if (minClusterSize < 0) {
            throw new IllegalArgumentException("minClusterSize must be >= 0: " + minClusterSize);
        }
    }

    /**
     * The paper's values: {@code kappa_0 = 0.1}, {@code m = d + 20}, {@code s = 7}, {@code alpha =
     * 1}, 500 sweeps, 300 burn-in, a sample every 50 sweeps, clusters of at most 50 points dropped,
     * seed 0, the prior in the data's own units.
     */
    public static MixtureConfig defaults() {
        return new MixtureConfig(0.1, 20, 7, 1, 500, 300, 50, 50, 0, false);
    }

    /** The degrees of freedom {@code m} of the inverse-Wishart prior in dimension {@code d}. */
    public double degreesOfFreedom(int dimension) {
        return dimension + extraDegreesOfFreedom;
    }

    /** This configuration with another sampling schedule. */
    public MixtureConfig withSchedule(int newSweeps, int newBurnIn, int newThinning) {
        return edit(
                c -> {
                    c.sweeps = newSweeps;
                    c.burnIn = newBurnIn;
                    c.thinning = newThinning;
                });
    }

    /** This configuration with another minimum cluster size. */
    public MixtureConfig withMinClusterSize(int value) {
        return edit(c -> c.minClusterSize = value);
    }

    /** This configuration with another prior scale {@code s}. */
    public MixtureConfig withPriorScale(double value) {
        return edit(c -> c.priorScale = value);
    }

    /** This configuration with another seed. */
    public MixtureConfig withSeed(long value) {
        return edit(c -> c.seed = value);
    }

    /** This configuration with the rows scaled to unit variance before sampling, or not. */
    public MixtureConfig withScaleToUnitVariance(boolean value) {
        return edit(c -> c.scaleToUnitVariance = value);
    }

    /** A copy with {@code change} applied, checked by the constructor like any other. */
    private MixtureConfig edit(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /**
     * The components as mutable fields, so that each wither names only what it changes instead of
     * repeating all ten constructor arguments.
     */
    private static final class Copy {
        double kappa0;
        double extraDegreesOfFreedom;
        double priorScale;
        double concentration;
        int sweeps;
        int burnIn;
        int thinning;
        int minClusterSize;
        long seed;
        boolean scaleToUnitVariance;

        Copy(MixtureConfig from) {
            kappa0 = from.kappa0;
            extraDegreesOfFreedom = from.extraDegreesOfFreedom;
            priorScale = from.priorScale;
            concentration = from.concentration;
            sweeps = from.sweeps;
            burnIn = from.burnIn;
            thinning = from.thinning;
            minClusterSize = from.minClusterSize;
            seed = from.seed;
            scaleToUnitVariance = from.scaleToUnitVariance;
        }

        MixtureConfig build() {
            return new MixtureConfig(
                    kappa0,
                    extraDegreesOfFreedom,
                    priorScale,
                    concentration,
                    sweeps,
                    burnIn,
                    thinning,
                    minClusterSize,
                    seed,
                    scaleToUnitVariance);
        }
    }

    private static void checkPositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + value);
        }
    }
}
