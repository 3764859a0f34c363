package io.polygraph.mixture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Collapsed Gibbs sampling of a Dirichlet-process mixture of Gaussians with a
 * Normal-Inverse-Wishart prior (Neal 2000, algorithm 3): the cluster parameters are integrated out,
 * and each point in turn is removed from its cluster and reassigned with probability proportional
 * to {@code n_k} times its Student-t predictive density under cluster {@code k}, or {@code alpha}
 * times its density under a new cluster.
 *
 * <p>Contract: the rows are centred (prior mean 0); the chain starts with one sequential pass that
 * seats the points one by one by the same rule (a better start than one cluster or random labels),
 * then runs {@code sweeps} sweeps, each over a fresh random order of the points; after {@code
 * burnIn} sweeps the labels are recorded every {@code thinning} sweeps. All randomness comes from
 * one {@code SplittableRandom(seed)}, so the chain is reproducible. Probabilities are handled in
 * log space (log-sum-exp), so that points far from every cluster still get a well-defined draw.
 */
final class CollapsedGibbsSampler {

    private final double[][] x;
    private final MixtureConfig config;
    private final NiwPrior prior;
    private final SplittableRandom random;
    private final ClusterPosterior[] assignment;
    private final List<ClusterPosterior> clusters = new ArrayList<>();
    private final ArrayDeque<ClusterPosterior> spare = new ArrayDeque<>();
    private final double[] work;
    private double[] logWeights = new double[16];

    CollapsedGibbsSampler(double[][] centred, MixtureConfig config) {
        this.x = centred;
        this.config = config;
        this.prior = new NiwPrior(centred[0].length, config, centred.length);
        this.random = new SplittableRandom(config.seed());
        this.assignment = new ClusterPosterior[centred.length];
        this.work = new double[centred[0].length];
    }

    /** Runs the chain and returns the recorded label samples, oldest first. */
    List<int[]> run() {
        int[] order = new int[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        shuffle(order);
        for (int i : order) {
            seat(i, null, Double.NaN);
        }
        refreshAll();
        List<int[]> samples = new ArrayList<>();
        for (int sweep = 1; sweep <= config.sweeps(); sweep++) {
            sweep(order);
            if (sweep > config.burnIn() && (sweep - config.burnIn()) % config.thinning() == 0) {
                samples.add(labels());
            }
        }
        return samples;
    }

    /** One sweep over all points in a fresh random order. */
    void sweep(int[] order) {
        shuffle(order);
        for (int i : order) {
            reassign(i);
        }
        refreshAll();
    }

    /** The current number of clusters in the chain. */
    int clusterCount() {
        return clusters.size();
    }

    /** The current labels: each point's cluster position, in {@code [0, clusterCount())}. */
    int[] labels() {
        int[] labels = new int[x.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = assignment[i].index;
        }
        return labels;
    }

    NiwPrior prior() {
        return prior;
    }

    private void reassign(int i) {
        ClusterPosterior current = assignment[i];
        if (current.count() == 1) {
            // A singleton's cluster disappears with it; the point is then seated like a new one.
            discard(current);
            seat(i, null, Double.NaN);
            return;
        }
        double stayLogDensity = current.logPredictiveWithout(x[i], work);
        if (Double.isNaN(stayLogDensity)) {
            current.remove(x[i], work);
            seat(i, null, Double.NaN);
        } else {
            seat(i, current, stayLogDensity);
        }
    }

    /**
     * Draws a cluster for point i. A non-null {@code member} still holds the point, whose log
     * density under it without the point is {@code stayLogDensity}; it is only updated if the point
     * moves.
     */
    private void seat(int i, ClusterPosterior member, double stayLogDensity) {
        double[] point = x[i];
        int k = clusters.size();
        if (logWeights.length < k + 1) {
            logWeights = new double[2 * (k + 1)];
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            ClusterPosterior cluster = clusters.get(c);
            double logWeight =
                    cluster == member
                            ? Math.log(cluster.count() - 1) + stayLogDensity
                            : Math.log(cluster.count()) + cluster.logPredictive(point, work);
            logWeights[c] = logWeight;
            max = Math.max(max, logWeight);
        }
        logWeights[k] = prior.logConcentration() + prior.logPredictiveOfNewCluster(point);
        max = Math.max(max, logWeights[k]);
        int chosen = draw(k + 1, max);
        ClusterPosterior target = chosen == k ? open() : clusters.get(chosen);
        if (target == member) {
            return;
        }
        if (member != null) {
            member.remove(point, work);
        }
        target.add(point, work);
        assignment[i] = target;
    }

    private int draw(int size, double max) {
        double total = 0;
        for (int c = 0; c < size; c++) {
            double weight = Math.exp(logWeights[c] - max);
            logWeights[c] = weight;
            total += weight;
        }
        double threshold = random.nextDouble() * total;
        double cumulative = 0;
        for (int c = 0; c < size - 1; c++) {
            cumulative += logWeights[c];
            if (threshold < cumulative) {
                return c;
            }
        }
        return size - 1;
    }

    private ClusterPosterior open() {
        ClusterPosterior cluster = spare.isEmpty() ? new ClusterPosterior(prior) : spare.pop();
        cluster.index = clusters.size();
        clusters.add(cluster);
        return cluster;
    }

    private void discard(ClusterPosterior cluster) {
        int last = clusters.size() - 1;
        ClusterPosterior moved = clusters.get(last);
        clusters.set(cluster.index, moved);
        moved.index = cluster.index;
        clusters.remove(last);
        cluster.clear();
        spare.push(cluster);
    }

    private void refreshAll() {
        for (ClusterPosterior cluster : clusters) {
            cluster.refresh();
        }
    }

    private void shuffle(int[] order) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
