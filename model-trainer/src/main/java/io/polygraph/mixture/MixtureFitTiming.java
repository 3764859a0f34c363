package io.polygraph.mixture;

import java.util.SplittableRandom;

/**
 * A benchmark, not a test: fits the infinite Gaussian mixture with the default configuration to
 * vectors drawn from a few Gaussians and prints the wall time, the number of clusters and the time
 * per sweep.
 *
 * <p>Run after {@code mvn -o -q -pl model-trainer compile} (only the JDK and this module's classes
 * are needed):
 *
 * <pre>
 * java -cp model-trainer/target/classes io.polygraph.mixture.MixtureFitTiming [rows] [dimension]
 *     [components] [sweeps]
 * </pre>
 *
 * Defaults: 10,000 rows of dimension 100 from 5 Gaussians, 500 sweeps (300 burn-in, a sample every
 * 50). The sampler is single-threaded.
 */
public final class MixtureFitTiming {

    private MixtureFitTiming() {}

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int dimension = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int components = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int sweeps = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        MixtureConfig defaults = MixtureConfig.defaults();
        MixtureConfig config =
                sweeps == defaults.sweeps()
                        ? defaults
                        : defaults.withSchedule(sweeps, sweeps * 3 / 5, Math.max(1, sweeps / 10));
        double[][] x = sample(rows, dimension, components, 42);

        long start = System.nanoTime();
        InfiniteGaussianMixture mixture = InfiniteGaussianMixture.fit(x, config);
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf(
                "rows %d, dimension %d, true components %d, sweeps %d: %.1f s in all, %.3f s per"
                        + " sweep, %d kept clusters of sizes %s%n",
                rows,
                dimension,
                components,
                config.sweeps(),
                seconds,
                seconds / (config.sweeps() + 1),
                mixture.clusters().size(),
                mixture.clusters().stream().map(MixtureCluster::size).toList());
    }

    /**
     * Rows from {@code components} equally likely Gaussians with mildly correlated coordinates of
     * variance 0.34, about the prior's expected covariance {@code s / (m - d - 1) = 7 / 19} with
     * the default hyperparameters, and means about 14 apart (some 24 standard deviations).
     */
    static double[][] sample(int rows, int dimension, int components, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[components][dimension];
        for (double[] centre : centres) {
            for (int j = 0; j < dimension; j++) {
                centre[j] = random.nextGaussian();
            }
        }
        double[][] x = new double[rows][dimension];
        for (int i = 0; i < rows; i++) {
            double[] centre = centres[random.nextInt(components)];
            double shared = random.nextGaussian();
            for (int j = 0; j < dimension; j++) {
                x[i][j] = centre[j] + 0.5 * random.nextGaussian() + 0.3 * shared;
            }
        }
        return x;
    }
}
