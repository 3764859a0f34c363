package io.polygraph.gan.bigan;

import io.polygraph.detector.RowAnomalyModel;
import io.polygraph.features.Standardizer;
import io.polygraph.mixture.InfiniteGaussianMixture;
import io.polygraph.mixture.MixtureCluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained IGMM-BiGAN: the encoder, generator and discriminator with their input scaling, the
 * infinite Gaussian mixture and the single Gaussian fitted to the encoded training rows; per-row
 * anomaly scores of feature vectors.
 *
 * <p>Contract: every method takes rows in the units the model was trained on and scales them with
 * the stored {@link Standardizer} before the networks see them; each row's results depend on that
 * row alone. Three scores, higher meaning more anomalous: {@link #igmmScore} (the detector: minimum
 * Mahalanobis distance of {@code E(x)} to the mixture's kept clusters), and the protocol's two
 * baselines, {@link #egbadScore} and {@link #singleGaussianScore}; {@link #scores} gives all of
 * them from one pass through the networks. {@link #save}/{@link #load} write and read the whole
 * model (graph, scaling, mixture, Gaussian, EGBAD weight) as one versioned stream. Not thread-safe
 * (a SameDiff graph keeps per-session state): one instance per thread.
 */
public final class BiganModel implements RowAnomalyModel {

    private final ScoringPass pass;
    private final InfiniteGaussianMixture mixture;
    private final MixtureCluster gaussian;
    private final double egbadWeight;

    BiganModel(
            ScoringPass pass,
            InfiniteGaussianMixture mixture,
            MixtureCluster gaussian,
            double egbadWeight) {
        this.pass = Objects.requireNonNull(pass, "pass");
        this.mixture = Objects.requireNonNull(mixture, "mixture");
        this.gaussian = Objects.requireNonNull(gaussian, "gaussian");
        this.egbadWeight = egbadWeight;
        if (mixture.dimension() != gaussian.mean().length) {
            throw new IllegalArgumentException(
                    "mixture of dimension "
                            + mixture.dimension()
                            + ", Gaussian of dimension "
                            + gaussian.mean().length);
        }
    }

    /**
     * The latent codes {@code E(x)} of the rows of {@code features}, a [rows, latent width] DOUBLE
     * array.
     */
    public INDArray encode(INDArray features) {
        double[][] latent = pass.run(features).latent;
        return latent.length == 0
                ? Nd4j.create(DataType.DOUBLE, 0, latentWidth())
                : Nd4j.createFromArray(latent);
    }

    /** {@code ||x - G(E(x))||_2} of each row, in the scaled units the networks see. */
    public double[] reconstructionError(INDArray features) {
        return pass.run(features).reconstructionError;
    }

    /** {@code -log D(x, E(x))} of each row: the discriminator's cross-entropy for "real". */
    public double[] discriminatorCrossEntropy(INDArray features) {
        return pass.run(features).crossEntropy;
    }

    /** The detector's score: minimum Mahalanobis distance of {@code E(x)} to the kept clusters. */
    public double[] igmmScore(INDArray features) {
        return mixture.score(pass.run(features).latent);
    }

    /** EGBAD's score {@code alpha ||x - G(E(x))|| + (1 - alpha) (-log D(x, E(x)))}. */
    public double[] egbadScore(INDArray features) {
        ScoringPass.Outputs outputs = pass.run(features);
        return egbad(outputs.reconstructionError, outputs.crossEntropy);
    }

    /** Mahalanobis distance of {@code E(x)} to the single Gaussian of the encoded training rows. */
    public double[] singleGaussianScore(INDArray features) {
        return singleGaussian(pass.run(features).latent);
    }

    /** Every score of every row, from one pass through the networks. */
    public BiganScores scores(INDArray features) {
        ScoringPass.Outputs outputs = pass.run(features);
        return new BiganScores(
                mixture.score(outputs.latent),
                egbad(outputs.reconstructionError, outputs.crossEntropy),
                singleGaussian(outputs.latent),
                outputs.reconstructionError,
                outputs.crossEntropy);
    }

    /** The mixture fitted to the encoded training rows (its kept clusters). */
    public InfiniteGaussianMixture mixture() {
        return mixture;
    }

    /** The single Gaussian fitted to the encoded training rows. */
    public MixtureCluster singleGaussian() {
        return gaussian;
    }

    /** EGBAD's {@code alpha}. */
    public double egbadWeight() {
        return egbadWeight;
    }

    /**
     * {@link #igmmScore}, the rows' raw scores as a {@link io.polygraph.detector.RowModelDetector}
     * reads them.
     */
    @Override
    public double[] rawScores(INDArray rows) {
        return igmmScore(rows);
    }

    /** Number of feature columns. */
    @Override
    public int width() {
        return pass.width();
    }

    /** Width of the latent space. */
    public int latentWidth() {
        return mixture.dimension();
    }

    /** The input scaling fitted on the training rows. */
    public Standardizer standardizer() {
        return pass.standardizer();
    }

    /** Writes the model to {@code out} (see {@link BiganModelFormat}); does not close it. */
    @Override
    public void save(OutputStream out) throws IOException {
        BiganModelFormat.write(this, out);
    }

    /** Reads a model written by {@link #save}; reads exactly what {@code save} wrote. */
    public static BiganModel load(InputStream in) throws IOException {
        return BiganModelFormat.read(in);
    }

    ScoringPass pass() {
        return pass;
    }

    private double[] egbad(double[] reconstructionError, double[] crossEntropy) {
        double[] scores = new double[reconstructionError.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = egbadWeight * reconstructionError[i] + (1 - egbadWeight) * crossEntropy[i];
        }
        return scores;
    }

    private double[] singleGaussian(double[][] latent) {
        return Arrays.stream(latent).mapToDouble(gaussian::mahalanobis).toArray();
    }
}
