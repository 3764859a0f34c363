package io.polygraph.gan.bigan;

/**
 * Every per-row score of an {@link BiganModel} for one batch of rows, computed in one pass; higher
 * means more anomalous in each.
 *
 * @param igmm minimum Mahalanobis distance of {@code E(x)} to the mixture's kept clusters
 * @param egbad {@code alpha ||x - G(E(x))|| + (1 - alpha) CE(D(x, E(x)), real)}
 * @param singleGaussian Mahalanobis distance of {@code E(x)} to one Gaussian of the encoded
 *     training rows
 * @param reconstructionError {@code ||x - G(E(x))||_2}, in scaled units
 * @param discriminatorCrossEntropy the cross-entropy of {@code D(x, E(x))} against the label real,
 *     {@code -log D(x, E(x))}
 */
public record BiganScores(
        double[] igmm,
        double[] egbad,
        double[] singleGaussian,
        double[] reconstructionError,
        double[] discriminatorCrossEntropy) {

    public BiganScores {
        igmm = igmm.clone();
        egbad = egbad.clone();
        singleGaussian = singleGaussian.clone();
        reconstructionError = reconstructionError.clone();
        discriminatorCrossEntropy = discriminatorCrossEntropy.clone();
    }

    @Override
    public double[] igmm() {
        return igmm.clone();
    }

    @Override
    public double[] egbad() {
        return egbad.clone();
    }

    @Override
    public double[] singleGaussian() {
        return singleGaussian.clone();
    }

    @Override
    public double[] reconstructionError() {
        return reconstructionError.clone();
    }

    @Override
    public double[] discriminatorCrossEntropy() {
        return discriminatorCrossEntropy.clone();
    }
}
