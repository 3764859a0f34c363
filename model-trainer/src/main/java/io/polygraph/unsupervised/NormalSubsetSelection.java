package io.polygraph.unsupervised;

import java.util.Arrays;
import java.util.Objects;

/**
 * The DUAD normal-subset selection step: cluster the points, drop the sparsest clusters, keep the
 * rest as presumed normal.
 *
 * <p>Contract of {@link #select(double[][], double)}: the points (scaled inputs in DUAD's first
 * round, L2-normalised embeddings {@code z = [z_c; z_r]} afterwards) are clustered with a {@link
 * GaussianMixture} and hard-assigned to their most responsible component. The variance of a cluster
 * is the mean squared Euclidean distance of its members to their mean, divided by the number of
 * columns: the trace of the cluster's empirical covariance over d, i.e. the mean of its per-column
 * variances. It is computed from the hard members rather than read off the mixture's (floored,
 * soft) variances because the selection keeps or drops exactly those members. Clusters whose
 * variance is at or below the {@code (100 - dropPercent)}th percentile of the cluster variances
 * (linear interpolation between order statistics, as numpy's default) are kept: {@code dropPercent}
 * is the share of clusters with the <em>largest</em> variance that are discarded, on the DUAD
 * premise that anomalies are rare and dissimilar, so they form sparse, high-variance clusters while
 * normal data forms dense ones. A cluster with fewer than two members has no variance; it takes no
 * part in the percentile and is never kept (a lone point is no evidence of a dense normal mode).
 *
 * <p>Deterministic for given options (seed included). Immutable and thread-safe. Cost: one mixture
 * fit, O(n k d) per EM iteration.
 */
public final class NormalSubsetSelection {

    private final GaussianMixture.Options options;

    public NormalSubsetSelection(GaussianMixture.Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Clusters {@code points} and keeps the clusters outside the top {@code dropPercent} %. */
    public Selection select(double[][] points, double dropPercent) {
        if (!(dropPercent >= 0 && dropPercent < 100)) {
            throw new IllegalArgumentException("dropPercent must be in [0, 100): " + dropPercent);
        }
        GaussianMixture mixture = GaussianMixture.fit(points, options);
        int[] clusters = mixture.assign(points);
        double[] variances = clusterVariances(points, clusters, mixture.components());
        double threshold = percentile(variances, 100 - dropPercent);
        boolean[] selected = new boolean[points.length];
        for (int i = 0; i < points.length; i++) {
            selected[i] = variances[clusters[i]] <= threshold;
        }
        return new Selection(selected, clusters, variances, threshold);
    }

    /**
     * Mean per-column variance of each cluster's members; NaN for clusters with fewer than two
     * members.
     */
    static double[] clusterVariances(double[][] points, int[] clusters, int count) {
        int width = points[0].length;
        double[][] sums = new double[count][width];
        int[] sizes = new int[count];
        for (int i = 0; i < points.length; i++) {
            sizes[clusters[i]]++;
            for (int j = 0; j < width; j++) {
                sums[clusters[i]][j] += points[i][j];
            }
        }
        double[] variances = new double[count];
        for (int i = 0; i < points.length; i++) {
            int c = clusters[i];
            for (int j = 0; j < width; j++) {
                double diff = points[i][j] - sums[c][j] / sizes[c];
                variances[c] += diff * diff;
            }
        }
        for (int c = 0; c < count; c++) {
            variances[c] = sizes[c] < 2 ? Double.NaN : variances[c] / ((double) sizes[c] * width);
        }
        return variances;
    }

    /**
     * The {@code percent}th percentile of the non-NaN {@code values}, interpolating linearly
     * between order statistics; NaN when there is none.
     */
    static double percentile(double[] values, double percent) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = (sorted.length - 1) * percent / 100.0;
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    /**
     * The outcome of one selection.
     *
     * @param selected per row, whether it is kept as presumed normal
     * @param clusters per row, the index of its cluster
     * @param clusterVariances per cluster, the variance defined in {@link NormalSubsetSelection}
     *     (NaN for clusters of fewer than two members)
     * @param varianceThreshold the percentile at or below which a cluster is kept
     */
    public record Selection(
            boolean[] selected,
            int[] clusters,
            double[] clusterVariances,
            double varianceThreshold) {

        public Selection {
            selected = selected.clone();
            clusters = clusters.clone();
            clusterVariances = clusterVariances.clone();
        }

        @Override
        public boolean[] selected() {
            return selected.clone();
        }

        @Override
        public int[] clusters() {
            return clusters.clone();
        }

        @Override
        public double[] clusterVariances() {
            return clusterVariances.clone();
        }

        /** Number of rows kept. */
        public int selectedCount() {
            int count = 0;
            for (boolean s : selected) {
                count += s ? 1 : 0;
            }
            return count;
        }

        /** Number of rows kept by exactly one of this selection and {@code other}. */
        public int differenceFrom(boolean[] other) {
            if (other.length != selected.length) {
                throw new IllegalArgumentException("selections differ in length");
            }
            int count = 0;
            for (int i = 0; i < selected.length; i++) {
                count += selected[i] != other[i] ? 1 : 0;
            }
            return count;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Selection that
                    && Arrays.equals(selected, that.selected)
                    && Arrays.equals(clusters, that.clusters)
                    && Arrays.equals(clusterVariances, that.clusterVariances)
                    && Double.compare(varianceThreshold, that.varianceThreshold) == 0;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(selected) * 31 + Arrays.hashCode(clusters);
        }

        @Override
        public String toString() {
            return "Selection[" + selectedCount() + " of " + selected.length + " rows]";
        }
    }
}
