package io.polygraph.unsupervised;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Anomaly scores from a principal-component model of normal rows: how much of a row lies outside
 * the subspace the training rows mostly vary in.
 *
 * <p>Contract: {@link #fit} centres the rows on their mean (it does not rescale the columns: give
 * it rows whose columns are on a common scale, such as standardised features) and keeps the fewest
 * leading principal components whose eigenvalues explain at least {@code varianceShare} of the
 * total variance, but never more than {@code maxComponents}. {@link #scores} is the squared
 * prediction error (SPE, the Q statistic of process monitoring): {@code |c - W W^T c|^2} with
 * {@code c} the centred row and {@code W} the kept components; 0 for a row in the subspace, higher
 * meaning more anomalous, in squared input units. Unlike the autoencoders' angle score, it grows
 * with the size of a departure, not only its direction; a row of extreme but well-modelled values
 * (far along a kept component) scores low, which is the classic trade-off of SPE without
 * Hotelling's T^2. Immutable and thread-safe after fitting.
 *
 * <p>Cost: one d x d covariance ({@code n d^2}) and one symmetric eigen-decomposition ({@code d^3},
 * LAPACK {@code syev} through ND4J), in double precision: fine for the few hundred columns of
 * tabular features and downsampled images, too slow for full-resolution images of thousands of
 * pixels (use a Gram-matrix or randomised method there). Scoring is {@code 2 n d k}, in chunks of
 * {@value #CHUNK} rows.
 */
public final class PcaReconstruction {

    static final int CHUNK = 4096;

    private final INDArray mean;
    private final INDArray components;
    private final double explainedShare;

    private PcaReconstruction(INDArray mean, INDArray components, double explainedShare) {
        this.mean = mean;
        this.components = components;
        this.explainedShare = explainedShare;
    }

    /**
     * Fits the mean and the leading components of {@code x}.
     *
     * @param x training rows, at least two, finite, all of one width
     * @param varianceShare the share of the total variance to explain, in (0, 1]
     * @param maxComponents the most components to keep, at least 1
     */
    public static PcaReconstruction fit(double[][] x, double varianceShare, int maxComponents) {
        DataChecks.finiteMatrix("x", x);
        if (x.length < 2) {
            throw new IllegalArgumentException("need at least 2 rows to fit, got " + x.length);
        }
        if (!(varianceShare > 0 && varianceShare <= 1)) {
            throw new IllegalArgumentException("varianceShare must be in (0, 1]: " + varianceShare);
        }
        if (maxComponents < 1) {
            throw new IllegalArgumentException("maxComponents must be >= 1: " + maxComponents);
        }
        INDArray data = Nd4j.createFromArray(x).castTo(DataType.DOUBLE);
        INDArray mean = data.mean(0).reshape(1, data.columns());
        INDArray centred = data.subiRowVector(mean);
        INDArray covariance = centred.transpose().mmul(centred).divi(x.length - 1);
        // syev overwrites the matrix with the eigenvectors as columns, eigenvalues ascending.
        double[] eigenvalues =
                Eigen.symmetricGeneralizedEigenvalues(covariance, true)
                        .castTo(DataType.DOUBLE)
                        .toDoubleVector();
        int width = eigenvalues.length;
        int kept = leadingCount(eigenvalues, varianceShare, maxComponents);
        INDArray components = Nd4j.create(DataType.DOUBLE, width, kept);
        for (int k = 0; k < kept; k++) {
            components.putColumn(k, covariance.getColumn(width - 1 - k));
        }
        return new PcaReconstruction(mean, components, explainedShare(eigenvalues, kept));
    }

    /** The fewest leading components explaining {@code share}, at most {@code max}. */
    private static int leadingCount(double[] ascending, double share, int max) {
        int width = ascending.length;
        int kept = 0;
        // A zero-variance training set keeps no component: every training row is its mean.
        while (kept < Math.min(max, width) && explainedShare(ascending, kept) < share) {
            kept++;
        }
        return kept;
    }

    /** Share of the variance in the {@code kept} largest of the ascending eigenvalues. */
    private static double explainedShare(double[] ascending, int kept) {
        double total = 0;
        double explained = 0;
        for (int i = 0; i < ascending.length; i++) {
            // Rounding leaves tiny negative eigenvalues on rank-deficient data: they are zero.
            double value = Math.max(0, ascending[i]);
            total += value;
            explained += i >= ascending.length - kept ? value : 0;
        }
        return total > 0 ? explained / total : 1.0;
    }

    /** The squared reconstruction error of each row of {@code x}. */
    public double[] scores(double[][] x) {
        DataChecks.finiteMatrix("x", x);
        if (x[0].length != width()) {
            throw new IllegalArgumentException(
                    "rows have " + x[0].length + " columns, the model " + width());
        }
        double[] scores = new double[x.length];
        for (int start = 0; start < x.length; start += CHUNK) {
            int end = Math.min(x.length, start + CHUNK);
            double[][] chunk = Arrays.copyOfRange(x, start, end);
            INDArray centred =
                    Nd4j.createFromArray(chunk).castTo(DataType.DOUBLE).subiRowVector(mean);
            INDArray residual =
                    components.columns() == 0
                            ? centred
                            : centred.sub(centred.mmul(components).mmul(components.transpose()));
            double[] errors = residual.mul(residual).sum(1).toDoubleVector();
            System.arraycopy(errors, 0, scores, start, errors.length);
        }
        return scores;
    }

    /** Number of input columns. */
    public int width() {
        return (int) mean.columns();
    }

    /** Number of principal components kept. */
    public int components() {
        return (int) components.columns();
    }

    /** Share of the training rows' total variance the kept components explain. */
    public double explainedVarianceShare() {
        return explainedShare;
    }

    /** The kept components as rows, leading first: {@code [components][width]}, unit length. */
    public double[][] componentRows() {
        if (components() == 0) {
            return new double[0][];
        }
        return components.transpose().dup().toDoubleMatrix();
    }

    /** The training rows' mean. */
    public double[] mean() {
        return mean.dup().toDoubleVector();
    }

    @Override
    public String toString() {
        return "PcaReconstruction[width="
                + width()
                + ", components="
                + components()
                + ", explained="
                + String.format("%.3f", explainedShare)
                + "]";
    }
}
