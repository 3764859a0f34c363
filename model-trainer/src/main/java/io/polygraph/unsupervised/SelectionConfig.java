package io.polygraph.unsupervised;

/**
 * The DUAD selection schedule: how to cluster, how much to drop, how often to re-select.
 *
 * <p>Percentages are of <em>clusters</em>, not of rows, and name what is dropped: {@code
 * initialDropPercent} (p0 in the paper) and {@code dropPercent} (p) are the shares of clusters with
 * the largest variance discarded as presumed anomalous; the clusters at or below the {@code (100 -
 * p)}th percentile of cluster variances are kept (see {@link NormalSubsetSelection}). The paper's
 * defaults ({@link #defaults()}): 20 components, p0 = 35 %, p = 30 %, r = 10 epochs. Since the
 * clusters differ in size, the share of rows kept is not {@code 100 - p} %.
 *
 * @param components Gaussian mixture components per clustering
 * @param initialDropPercent p0: share of clusters dropped by the selection on the inputs
 * @param dropPercent p: share of clusters dropped by each re-selection on the embeddings
 * @param reselectEvery r: epochs trained between two selections
 * @param maxRounds cap on training rounds (of r epochs each) when the selection keeps changing
 * @param seed seed of the clusterings (round i uses {@code seed + i})
 */
public record SelectionConfig(
        int components,
        double initialDropPercent,
        double dropPercent,
        int reselectEvery,
        int maxRounds,
        long seed) {

    public SelectionConfig {
        if (components < 1 || reselectEvery < 1 || maxRounds < 1) {
            throw new IllegalArgumentException(
                    "components, reselectEvery and maxRounds must be at least 1");
        }
        checkPercent("initialDropPercent", initialDropPercent);
        checkPercent("dropPercent", dropPercent);
    }

    /** The paper's values: 20 components, p0 35 %, p 30 %, r 10; at most 10 rounds; seed 0. */
    public static SelectionConfig defaults() {
        return new SelectionConfig(20, 35, 30, 10, 10, 0);
    }

    /** This schedule with another cap on rounds. */
    public SelectionConfig withMaxRounds(int value) {
        return new SelectionConfig(
                components, initialDropPercent, dropPercent, reselectEvery, value, seed);
    }

    /** This schedule with another number of epochs per round. */
    public SelectionConfig withReselectEvery(int value) {
        return new SelectionConfig(
                components, initialDropPercent, dropPercent, value, maxRounds, seed);
    }

    /** This schedule with another number of mixture components. */
    public SelectionConfig withComponents(int value) {
        return new SelectionConfig(
                value, initialDropPercent, dropPercent, reselectEvery, maxRounds, seed);
    }

    /** This schedule with another clustering seed. */
    public SelectionConfig withSeed(long value) {
        return new SelectionConfig(
                components, initialDropPercent, dropPercent, reselectEvery, maxRounds, value);
    }

    /** The selection of round {@code round} (0: on the inputs). */
    NormalSubsetSelection selection(int round) {
        return new NormalSubsetSelection(GaussianMixture.Options.of(components, seed + round));
    }

    private static void checkPercent(String name, double value) {
        if (!(value >= 0 && value < 100)) {
            throw new IllegalArgumentException(name + " must be in [0, 100): " + value);
        }
    }
}
