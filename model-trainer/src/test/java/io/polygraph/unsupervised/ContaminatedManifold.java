package io.polygraph.unsupervised;

import java.util.SplittableRandom;

/**
 * Test data: normal rows near a random 3-D linear subspace of R^20, anomalies isotropic.
 *
 * <p>Anomalies have the same per-column variance as normal rows (3), so no single column and no row
 * length gives them away: only their distance from the subspace does. The subspace is fixed by
 * {@link #BASIS_SEED}, so every sample of every test shares it.
 */
public final class ContaminatedManifold {

    public static final int WIDTH = 20;
    public static final int LATENT = 3;
    private static final long BASIS_SEED = 4242;
    private static final double NOISE = 0.1;

    private final double[][] basis = new double[LATENT][WIDTH];

    public ContaminatedManifold() {
        SplittableRandom random = new SplittableRandom(BASIS_SEED);
        for (double[] row : basis) {
            for (int j = 0; j < WIDTH; j++) {
                row[j] = random.nextGaussian();
            }
        }
    }

    /** {@code rows} rows, the first {@code anomalies} of them anomalous, then shuffled. */
    public Sample sample(int rows, int anomalies, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[rows][];
        boolean[] anomalous = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            anomalous[i] = i < anomalies;
            x[i] = anomalous[i] ? anomaly(random) : normal(random);
        }
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double[] row = x[i];
            x[i] = x[j];
            x[j] = row;
            boolean label = anomalous[i];
            anomalous[i] = anomalous[j];
            anomalous[j] = label;
        }
        return new Sample(x, anomalous);
    }

    private double[] normal(SplittableRandom random) {
        double[] row = new double[WIDTH];
        for (double[] direction : basis) {
            double coordinate = random.nextGaussian();
            for (int j = 0; j < WIDTH; j++) {
                row[j] += coordinate * direction[j];
            }
        }
        for (int j = 0; j < WIDTH; j++) {
            row[j] += NOISE * random.nextGaussian();
        }
        return row;
    }

    private static double[] anomaly(SplittableRandom random) {
        double[] row = new double[WIDTH];
        for (int j = 0; j < WIDTH; j++) {
            row[j] = Math.sqrt(LATENT) * random.nextGaussian();
        }
        return row;
    }

    /** Rows and their labels (true = anomaly). */
    public record Sample(double[][] x, boolean[] anomalous) {}
}
