package io.polygraph.gan.bigan;

import io.polygraph.detector.FeatureArrays;
import io.polygraph.features.Standardizer;
import io.polygraph.gan.AdversarialLosses;
import io.polygraph.gan.FeatureRows;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Runs rows through IGMM-BiGAN's scoring graph: the input scaling, then {@code E(x)}, {@code ||x -
 * G(E(x))||} and {@code -log D(x, E(x))} per row, in chunks of {@value #CHUNK} rows to bound
 * memory.
 *
 * <p>Apart from {@link BiganModel} because the trainer needs the codes of the training rows before
 * there is a model: the mixture is fitted to them. Not thread-safe (the graph keeps per-session
 * state).
 */
final class ScoringPass {

    static final String INPUT = "bigan_input";
    static final String LATENT = "bigan_latent";
    static final String RECONSTRUCTION_ERROR = "bigan_reconstruction_error";
    static final String CROSS_ENTROPY = "bigan_cross_entropy";
    static final int CHUNK = 1024;

    private final SameDiff graph;
    private final Standardizer standardizer;

    ScoringPass(SameDiff graph, Standardizer standardizer) {
        this.graph = graph;
        this.standardizer = standardizer;
        for (String name : new String[] {INPUT, LATENT, RECONSTRUCTION_ERROR, CROSS_ENTROPY}) {
            if (graph.getVariable(name) == null) {
                throw new IllegalArgumentException("scoring graph lacks " + name);
            }
        }
    }

    /** The scoring graph of trained networks, their weights copied in as constants. */
    static SameDiff graphOf(BiganGraph trained, int width) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, width);
        SDVariable latent = trained.encoderNetwork.constantCopyIn(sd).apply(x).rename(LATENT);
        SDVariable reconstructed = trained.generatorNetwork.constantCopyIn(sd).apply(latent);
        BiganGraph.rowDistances(x, reconstructed, width, 0).rename(RECONSTRUCTION_ERROR);
        SDVariable logits = trained.discriminatorNetwork.constantCopyIn(sd).logits(x, latent);
        // -log sigmoid(l) = softplus(-l), finite where sigmoid(l) rounds to 0.
        AdversarialLosses.softplus(logits.neg()).rename(CROSS_ENTROPY);
        return sd;
    }

    /** The outputs for every row of {@code features}, [rows, {@link #width()}], unscaled. */
    Outputs run(INDArray features) {
        FeatureRows.checkWidth(features, width());
        int rows = Math.toIntExact(features.size(0));
        Outputs outputs = new Outputs(rows);
        for (int start = 0; start < rows; start += CHUNK) {
            int end = Math.min(rows, start + CHUNK);
            INDArray chunk = features.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            Map<String, INDArray> out =
                    graph.output(
                            Map.of(INPUT, FeatureRows.scaled(standardizer, chunk)),
                            LATENT,
                            RECONSTRUCTION_ERROR,
                            CROSS_ENTROPY);
            double[][] latent = FeatureArrays.toRows(ordered(out.get(LATENT)));
            System.arraycopy(latent, 0, outputs.latent, start, latent.length);
            copy(out.get(RECONSTRUCTION_ERROR), outputs.reconstructionError, start);
            copy(out.get(CROSS_ENTROPY), outputs.crossEntropy, start);
        }
        return outputs;
    }

    int width() {
        return standardizer.width();
    }

    SameDiff graph() {
        return graph;
    }

    Standardizer standardizer() {
        return standardizer;
    }

    /**
     * A C-ordered DOUBLE copy of a graph output. Why: from the second call of a graph with several
     * outputs on, SameDiff 1.0.0-M2.1 returned the [rows, k] latent array flagged 'f' with C
     * strides; {@code castTo} trusted the flag and scrambled the rows, while {@code dup('c')}
     * follows the strides.
     */
    private static INDArray ordered(INDArray output) {
        return output.dup('c').castTo(DataType.DOUBLE);
    }

    private static void copy(INDArray column, double[] into, int start) {
        double[] values = ordered(column).data().asDouble();
        System.arraycopy(values, 0, into, start, values.length);
    }

    /** Per-row outputs of the scoring graph. */
    static final class Outputs {
        final double[][] latent;
        final double[] reconstructionError;
        final double[] crossEntropy;

        private Outputs(int rows) {
            latent = new double[rows][];
            reconstructionError = new double[rows];
            crossEntropy = new double[rows];
        }
    }
}
