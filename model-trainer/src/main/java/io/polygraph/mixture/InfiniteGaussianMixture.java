package io.polygraph.mixture;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The infinite Gaussian mixture of the IGMM-BiGAN detector: a Dirichlet-process mixture with a
 * Normal-Inverse-Wishart prior, fitted by collapsed Gibbs sampling, that scores a vector by its
 * minimum Mahalanobis distance to the clusters of the training data.
 *
 * <p>Contract of {@link #fit}: the prior mean is the data mean and the prior scale {@code s * I}
 * (see {@link MixtureConfig}); the chain ({@link CollapsedGibbsSampler}) keeps a label sample every
 * {@code thinning} sweeps after burn-in; the samples are aligned and reduced to one labelling
 * ({@link LabelConsensus}); clusters with at most {@code minClusterSize} points are dropped as too
 * small to describe normal data, and each kept cluster is summarised by its posterior expected mean
 * and covariance given its points. The same data and configuration give the same model.
 *
 * <p>The model is immutable plain data (Jackson writes and reads it), ordered by decreasing cluster
 * size. {@link #score} is the distance to the <em>nearest</em> cluster, not a mixture density: the
 * paper's choice, and one that does not let a large cluster's weight hide a point that sits in no
 * cluster at all.
 *
 * @param dimension length of the scored vectors
 * @param clusters the kept clusters, at least one
 */
public record InfiniteGaussianMixture(int dimension, List<MixtureCluster> clusters) {

    @JsonCreator
    public InfiniteGaussianMixture(
            @JsonProperty("dimension") int dimension,
            @JsonProperty("clusters") List<MixtureCluster> clusters) {
        if (clusters == null || clusters.isEmpty()) {
            throw new IllegalArgumentException("a mixture needs at least one cluster");
        }
        for (MixtureCluster cluster : clusters) {
            if (cluster.mean().length != dimension) {
                throw new IllegalArgumentException(
                        "every cluster must have dimension " + dimension);
            }
        }
        this.dimension = dimension;
        this.clusters = List.copyOf(clusters);
    }

    /**
     * Fits the mixture to the rows of {@code x}: centred on their mean (the prior mean) and, with
     * {@link MixtureConfig#scaleToUnitVariance()}, divided by each column's standard deviation
     * while the chain runs; the returned clusters are in the units of {@code x} either way.
     *
     * @throws IllegalArgumentException when {@code x} is empty, ragged or not finite, or when no
     *     cluster has more than {@code minClusterSize} points
     */
    public static InfiniteGaussianMixture fit(double[][] x, MixtureConfig config) {
        Objects.requireNonNull(config, "config");
        double[] mean = columnMeans(checkedRows(x));
        double[] scale = config.scaleToUnitVariance() ? columnScales(x, mean) : ones(mean.length);
        double[][] centred = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            centred[i] = new double[mean.length];
            for (int j = 0; j < mean.length; j++) {
                centred[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        CollapsedGibbsSampler sampler = new CollapsedGibbsSampler(centred, config);
        int[] labels = LabelConsensus.of(sampler.run());
        return fromLabels(centred, mean, scale, labels, sampler.prior(), config.minClusterSize());
    }

    /** The minimum Mahalanobis distance of {@code z} to the kept clusters. */
    public double score(double[] z) {
        double best = Double.POSITIVE_INFINITY;
        for (MixtureCluster cluster : clusters) {
            best = Math.min(best, cluster.mahalanobis(z));
        }
        return best;
    }

    /** {@link #score} of each row. */
    public double[] score(double[][] z) {
        double[] scores = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            scores[i] = score(z[i]);
        }
        return scores;
    }

    /**
     * The clusters of the consensus labelling with more than {@code minClusterSize} points, mapped
     * from the sampler's units ({@code (x - mean) / scale}) back to the data's: a mean {@code m}
     * becomes {@code mean + scale * m}, a factor {@code L} becomes {@code diag(scale) L}, which is
     * still lower triangular with a positive diagonal, so Mahalanobis distances are unchanged.
     */
    private static InfiniteGaussianMixture fromLabels(
            double[][] centred,
            double[] mean,
            double[] scale,
            int[] labels,
            NiwPrior prior,
            int minClusterSize) {
        List<ClusterPosterior> groups = new ArrayList<>();
        double[] work = new double[mean.length];
        for (int i = 0; i < labels.length; i++) {
            while (groups.size() <= labels[i]) {
                groups.add(new ClusterPosterior(prior));
            }
            groups.get(labels[i]).add(centred[i], work);
        }
        List<MixtureCluster> kept = new ArrayList<>();
        for (ClusterPosterior group : groups) {
            if (group.count() > minClusterSize) {
                double[] clusterMean = group.posteriorMean();
                double[][] factor = group.covarianceFactorRows();
                for (int j = 0; j < mean.length; j++) {
                    clusterMean[j] = mean[j] + scale[j] * clusterMean[j];
                    for (int k = 0; k < factor[j].length; k++) {
                        factor[j][k] *= scale[j];
                    }
                }
                kept.add(new MixtureCluster(group.count(), clusterMean, factor));
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(
                    "no cluster has more than minClusterSize = "
                            + minClusterSize
                            + " points; lower it or fit on more data");
        }
        kept.sort(Comparator.comparingInt(MixtureCluster::size).reversed());
        return new InfiniteGaussianMixture(mean.length, kept);
    }

    private static double[][] checkedRows(double[][] x) {
        if (x == null || x.length == 0 || x[0].length == 0) {
            throw new IllegalArgumentException("x has no rows or no columns");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != x[0].length) {
                throw new IllegalArgumentException(
                        "x row " + i + " has " + x[i].length + " columns, not " + x[0].length);
            }
            for (double value : x[i]) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("x row " + i + " is not finite");
                }
            }
        }
        return x;
    }

    /**
     * Each column's standard deviation (divided by n); 1 for a constant column, which then stays as
     * it is rather than divide by zero.
     */
    private static double[] columnScales(double[][] x, double[] mean) {
        double[] variance = new double[mean.length];
        for (double[] row : x) {
            for (int j = 0; j < mean.length; j++) {
                double deviation = row[j] - mean[j];
                variance[j] += deviation * deviation / x.length;
            }
        }
        double[] scale = new double[mean.length];
        for (int j = 0; j < mean.length; j++) {
            scale[j] = variance[j] > 0 ? Math.sqrt(variance[j]) : 1;
        }
        return scale;
    }

    private static double[] ones(int length) {
        double[] ones = new double[length];
        Arrays.fill(ones, 1);
        return ones;
    }

    private static double[] columnMeans(double[][] x) {
        double[] mean = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j] / x.length;
            }
        }
        return mean;
    }
}
