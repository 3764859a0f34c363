package io.polygraph.unsupervised;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Fits a diagonal {@link GaussianMixture} by expectation-maximisation.
 *
 * <p>Initialisation: k-means++ seeding (the first centre uniformly, each next one with probability
 * proportional to its squared distance to the nearest chosen centre), then one hard assignment to
 * the nearest centre gives the first weights, means and variances. If the data has fewer distinct
 * points than components, seeding stops early with fewer components.
 *
 * <p>Empty components: a component whose responsibilities sum to less than {@link
 * #MIN_COMPONENT_POINTS} is dropped, not re-seeded. Re-seeding at the worst-explained point is the
 * usual alternative, but on contaminated data that point is an anomaly: the new component would fit
 * it alone, collapse onto the variance floor and come back empty, and EM would oscillate. The DUAD
 * selection needs clusters, not exactly k of them, so dropping is the stable choice. The iteration
 * that drops a component does not count towards convergence, because the likelihood may move on it.
 */
final class ExpectationMaximization {

    /** Effective points below which a component is dropped: a variance needs two. */
    static final double MIN_COMPONENT_POINTS = 2.0;

    private final GaussianMixture.Options options;

    ExpectationMaximization(GaussianMixture.Options options) {
        this.options = options;
    }

    GaussianMixture fit(double[][] x) {
        if (x.length < options.components()) {
            throw new IllegalArgumentException(
                    x.length + " rows cannot fit " + options.components() + " components");
        }
        double floor = options.relativeVarianceFloor() * meanColumnVariance(x);
        // A constant data set has no scale at all; any tiny positive floor keeps logs finite.
        floor = floor > 0 ? floor : 1e-12;
        double[][] responsibilities = initialResponsibilities(x);
        GaussianMixture mixture = maximise(x, responsibilities, floor, 0, false, Double.NaN);
        double previous = Double.NaN;
        for (int iteration = 1; iteration <= options.maxIterations(); iteration++) {
            if (responsibilities[0].length != mixture.components()) {
                responsibilities = new double[x.length][mixture.components()];
                // The likelihood may jump when a component goes: compare from the next step on.
                previous = Double.NaN;
            }
            double meanLogLikelihood = expect(mixture, x, responsibilities);
            boolean converged = Math.abs(meanLogLikelihood - previous) < options.tolerance();
            mixture = maximise(x, responsibilities, floor, iteration, converged, meanLogLikelihood);
            if (converged && mixture.components() == responsibilities[0].length) {
                return mixture;
            }
            previous = meanLogLikelihood;
        }
        return mixture;
    }

    /** E-step: fills {@code out} with responsibilities; returns the mean log-likelihood. */
    private static double expect(GaussianMixture mixture, double[][] x, double[][] out) {
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double[] row = out[i];
            mixture.jointLogDensities(x[i], row);
            double logLikelihood = GaussianMixture.logSumExp(row);
            for (int k = 0; k < row.length; k++) {
                row[k] = Math.exp(row[k] - logLikelihood);
            }
            total += logLikelihood;
        }
        return total / x.length;
    }

    /** M-step: weights, means and floored variances from responsibilities, empties dropped. */
    private static GaussianMixture maximise(
            double[][] x,
            double[][] responsibilities,
            double floor,
            int iteration,
            boolean converged,
            double meanLogLikelihood) {
        int components = responsibilities[0].length;
        double[] mass = new double[components];
        for (double[] row : responsibilities) {
            for (int k = 0; k < components; k++) {
                mass[k] += row[k];
            }
        }
        double minimum = keptMinimum(mass);
        int kept = 0;
        for (double m : mass) {
            kept += m >= minimum ? 1 : 0;
        }
        double[] weights = new double[kept];
        double[][] means = new double[kept][];
        double[][] variances = new double[kept][];
        double keptMass = 0;
        for (int k = 0, c = 0; k < components; k++) {
            if (mass[k] >= minimum) {
                weights[c] = mass[k];
                keptMass += mass[k];
                means[c] = weightedMean(x, responsibilities, k, mass[k]);
                variances[c] = weightedVariance(x, responsibilities, k, mass[k], means[c], floor);
                c++;
            }
        }
        for (int k = 0; k < kept; k++) {
            weights[k] /= keptMass;
        }
        return new GaussianMixture(
                weights, means, variances, iteration, converged, meanLogLikelihood);
    }

    /**
     * The mass a component needs to be kept: {@link #MIN_COMPONENT_POINTS}, or the largest mass
     * when every component is below it (tiny data), so that at least one remains.
     */
    private static double keptMinimum(double[] mass) {
        double maxMass = 0;
        for (double m : mass) {
            maxMass = Math.max(maxMass, m);
        }
        return Math.min(MIN_COMPONENT_POINTS, maxMass);
    }

    private static double[] weightedMean(double[][] x, double[][] resp, int k, double mass) {
        double[] mean = new double[x[0].length];
        for (int i = 0; i < x.length; i++) {
            double r = resp[i][k];
            if (r != 0) {
                for (int j = 0; j < mean.length; j++) {
                    mean[j] += r * x[i][j];
                }
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= mass;
        }
        return mean;
    }

    /**
     * Responsibility-weighted variance around {@code mean}, floored. Two passes (mean first) rather
     * than {@code E[x^2] - mean^2}, which cancels catastrophically for tight clusters far from the
     * origin.
     */
    private static double[] weightedVariance(
            double[][] x, double[][] resp, int k, double mass, double[] mean, double floor) {
        double[] variance = new double[mean.length];
        for (int i = 0; i < x.length; i++) {
            double r = resp[i][k];
            if (r != 0) {
                for (int j = 0; j < mean.length; j++) {
                    double diff = x[i][j] - mean[j];
                    variance[j] += r * diff * diff;
                }
            }
        }
        for (int j = 0; j < variance.length; j++) {
            variance[j] = Math.max(floor, variance[j] / mass);
        }
        return variance;
    }

    /** One-hot responsibilities: each row belongs to its nearest k-means++ centre. */
    private double[][] initialResponsibilities(double[][] x) {
        double[][] centres = seedCentres(x, new SplittableRandom(options.seed()));
        double[][] responsibilities = new double[x.length][centres.length];
        for (int i = 0; i < x.length; i++) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int k = 0; k < centres.length; k++) {
                double distance = squaredDistance(x[i], centres[k]);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = k;
                }
            }
            responsibilities[i][best] = 1.0;
        }
        return responsibilities;
    }

    private double[][] seedCentres(double[][] x, SplittableRandom random) {
        double[][] centres = new double[options.components()][];
        centres[0] = x[random.nextInt(x.length)];
        double[] nearest = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            nearest[i] = squaredDistance(x[i], centres[0]);
        }
        int chosen = 1;
        while (chosen < centres.length) {
            double total = 0;
            for (double distance : nearest) {
                total += distance;
            }
            if (total <= 0) {
                break;
            }
            double target = random.nextDouble() * total;
            int pick = 0;
            while (pick < x.length - 1 && (target -= nearest[pick]) > 0) {
                pick++;
            }
            centres[chosen++] = x[pick];
            for (int i = 0; i < x.length; i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(x[i], x[pick]));
            }
        }
        return Arrays.copyOf(centres, chosen);
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }

    private static double meanColumnVariance(double[][] x) {
        int width = x[0].length;
        double total = 0;
        for (int j = 0; j < width; j++) {
            double sum = 0;
            double squares = 0;
            for (double[] row : x) {
                sum += row[j];
                squares += row[j] * row[j];
            }
            double mean = sum / x.length;
            total += Math.max(0, squares / x.length - mean * mean);
        }
        return total / width;
    }
}
