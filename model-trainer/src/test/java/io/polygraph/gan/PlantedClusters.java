package io.polygraph.gan;

import io.polygraph.eval.RankingMetrics;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Test data: normal rows from three round Gaussian clusters in 3-D, and a planted cluster of
 * anomalies at their centroid, inside the region they span but with no normal row nearby (at least
 * 5 standard deviations from every normal centre). One Gaussian around all normal rows calls the
 * planted rows normal; a mixture of the clusters does not. Shared by the MMOC-GAN and IGMM-BiGAN
 * tests.
 */
public final class PlantedClusters {

    public static final int WIDTH = 3;

    private static final double[][] NORMAL_CENTRES = {{-3, 0, 1}, {3, 0, -1}, {0, 4, 0}};
    private static final double[] ANOMALY_CENTRE = {0, 4.0 / 3, 0};
    private static final double SPREAD = 0.5;

    private final SplittableRandom random;

    public PlantedClusters(long seed) {
        random = new SplittableRandom(seed);
    }

    /** {@code rows} normal rows, the clusters taking turns. */
    public INDArray normal(int rows) {
        float[][] x = new float[rows][];
        for (int i = 0; i < rows; i++) {
            x[i] = around(NORMAL_CENTRES[i % NORMAL_CENTRES.length]);
        }
        return Nd4j.createFromArray(x);
    }

    /** {@code rows} planted anomalies. */
    public INDArray anomalies(int rows) {
        float[][] x = new float[rows][];
        for (int i = 0; i < rows; i++) {
            x[i] = around(ANOMALY_CENTRE);
        }
        return Nd4j.createFromArray(x);
    }

    /**
     * AUROC of scores on normal rows against scores on planted anomalies, anomalies the positives
     * (see {@link RankingMetrics#auroc}).
     */
    public static double auroc(double[] normalScores, double[] anomalyScores) {
        double[] scores = new double[normalScores.length + anomalyScores.length];
        boolean[] positives = new boolean[scores.length];
        System.arraycopy(normalScores, 0, scores, 0, normalScores.length);
        System.arraycopy(anomalyScores, 0, scores, normalScores.length, anomalyScores.length);
        Arrays.fill(positives, normalScores.length, scores.length, true);
        return RankingMetrics.auroc(scores, positives);
    }

    private float[] around(double[] centre) {
        float[] row = new float[centre.length];
        for (int j = 0; j < row.length; j++) {
            row[j] = (float) (centre[j] + SPREAD * random.nextGaussian());
        }
        return row;
    }
}
