package io.polygraph.train;

import io.polygraph.detector.FeatureArrays;
import io.polygraph.features.Standardizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained dense autoencoder with its input scaling: anomaly scores and DUAD embeddings.
 *
 * <p>Contract: every method scales its rows with the stored {@link Standardizer} (see {@link
 * InputScaling}; fitted on the training data) before the network sees them, and compares
 * reconstructions in that scaled space. {@link #scores} is DUAD's {@code h(x) = arccos(cos(x, x'))}
 * in radians, in [0, pi], higher meaning more anomalous; it ignores the lengths of x and x', so a
 * row is judged by the direction the network can reproduce, not by its magnitude. A row whose
 * scaled value or reconstruction is the zero vector has no direction and scores pi / 2 (as an
 * orthogonal one). {@link #encode} returns DUAD's {@code z = [z_c; z_r] / |[z_c; z_r]|}, z_c the
 * bottleneck and z_r the score. Inference runs in chunks of {@value #CHUNK} rows to bound memory;
 * each row's outputs depend on that row alone. {@link #toBytes} stores the inference graph in
 * SameDiff's FlatBuffers format (it has no updater state); the standardizer and bottleneck width
 * are the caller's to store beside it ({@link #fromBytes}). Not thread-safe (a SameDiff graph keeps
 * per-session state): one instance per thread.
 */
public final class AutoencoderModel {

    static final int CHUNK = 1024;

    private final SameDiff graph;
    private final Standardizer standardizer;
    private final int bottleneck;

    AutoencoderModel(SameDiff graph, Standardizer standardizer, int bottleneck) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.standardizer = Objects.requireNonNull(standardizer, "standardizer");
        this.bottleneck = bottleneck;
    }

    /**
     * Reads an inference graph written by {@link #toBytes()}.
     *
     * @param standardizer the input scaling the graph was trained with
     * @param bottleneck width of its code z_c
     */
    public static AutoencoderModel fromBytes(
            byte[] flatBuffers, Standardizer standardizer, int bottleneck) {
        SameDiff graph = SameDiff.load(new ByteArrayInputStream(flatBuffers), false);
        for (String output :
                new String[] {AutoencoderGraphs.BOTTLENECK, AutoencoderGraphs.RECONSTRUCTION}) {
            if (graph.getVariable(output) == null) {
                throw new IllegalArgumentException("graph lacks output " + output);
            }
        }
        return new AutoencoderModel(graph, standardizer, bottleneck);
    }

    /** The inference graph in SameDiff's FlatBuffers format. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        graph.save(out, false);
        return out.toByteArray();
    }

    /**
     * The angles between each scaled row and its reconstruction: over the whole row in column 0
     * (what {@link #scores} returns), then over each column range in column {@code 1 + k}, range
     * {@code k} being {@code [ends[k - 1], ends[k])} with {@code ends[-1] = 0}.
     */
    public double[][] angles(double[][] x, int[] ends) {
        double[][] angles = new double[x.length][];
        forEachChunk(
                x,
                (start, input, code, reconstruction) -> {
                    for (int i = 0; i < input.length; i++) {
                        double[] row = new double[1 + ends.length];
                        row[0] = angle(input[i], reconstruction[i]);
                        for (int k = 0; k < ends.length; k++) {
                            int from = k == 0 ? 0 : ends[k - 1];
                            row[1 + k] = angle(input[i], reconstruction[i], from, ends[k]);
                        }
                        angles[start + i] = row;
                    }
                });
        return angles;
    }

    /** DUAD's anomaly score {@code arccos(cos(x, x'))} of each row, in radians. */
    public double[] scores(double[][] x) {
        double[] scores = new double[x.length];
        forEachChunk(
                x,
                (start, input, code, reconstruction) -> {
                    for (int i = 0; i < input.length; i++) {
                        scores[start + i] = angle(input[i], reconstruction[i]);
                    }
                });
        return scores;
    }

    /** DUAD's embedding {@code [z_c; z_r]}, L2-normalised, [rows][bottleneck + 1]. */
    public double[][] encode(double[][] x) {
        double[][] z = new double[x.length][];
        forEachChunk(
                x,
                (start, input, code, reconstruction) -> {
                    for (int i = 0; i < input.length; i++) {
                        double[] row = new double[bottleneck + 1];
                        System.arraycopy(code[i], 0, row, 0, bottleneck);
                        row[bottleneck] = angle(input[i], reconstruction[i]);
                        z[start + i] = unitLength(row);
                    }
                });
        return z;
    }

    /** Number of input columns. */
    public int width() {
        return standardizer.width();
    }

    /** Width of the code z_c. */
    public int bottleneck() {
        return bottleneck;
    }

    /** The input scaling fitted on the training data. */
    public Standardizer standardizer() {
        return standardizer;
    }

    /** The rows of {@code x} scaled, as the network sees them. */
    static float[][] scaled(Standardizer standardizer, double[][] x) {
        float[][] rows = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            float[] row = new float[x[i].length];
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) x[i][j];
            }
            rows[i] = standardizer.apply(row);
        }
        return rows;
    }

    private void forEachChunk(double[][] x, ChunkConsumer consumer) {
        float[][] input = scaled(standardizer, x);
        for (int start = 0; start < input.length; start += CHUNK) {
            int end = Math.min(input.length, start + CHUNK);
            float[][] chunk = Arrays.copyOfRange(input, start, end);
            Map<String, INDArray> out =
                    graph.output(
                            Map.of(AutoencoderGraphs.INPUT, Nd4j.createFromArray(chunk)),
                            AutoencoderGraphs.BOTTLENECK,
                            AutoencoderGraphs.RECONSTRUCTION);
            consumer.accept(
                    start,
                    chunk,
                    FeatureArrays.toRows(out.get(AutoencoderGraphs.BOTTLENECK)),
                    FeatureArrays.toRows(out.get(AutoencoderGraphs.RECONSTRUCTION)));
        }
    }

    /** The angle between a scaled row and its reconstruction, pi / 2 if either is zero. */
    private static double angle(float[] input, double[] reconstruction) {
        return angle(input, reconstruction, 0, input.length);
    }

    /** The angle over columns {@code [from, to)}, pi / 2 if either part is zero. */
    private static double angle(float[] input, double[] reconstruction, int from, int to) {
        double dot = 0;
        double inputNorm = 0;
        double outputNorm = 0;
        for (int j = from; j < to; j++) {
            double out = reconstruction[j];
            dot += input[j] * out;
            inputNorm += (double) input[j] * input[j];
            outputNorm += out * out;
        }
        double norms = Math.sqrt(inputNorm * outputNorm);
        if (norms == 0) {
            return Math.PI / 2;
        }
        // Rounding can push |cos| a hair past 1, where acos is NaN.
        return Math.acos(Math.max(-1.0, Math.min(1.0, dot / norms)));
    }

    private static double[] unitLength(double[] row) {
        double norm = 0;
        for (double value : row) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= norm;
            }
        }
        return row;
    }

    /** Receives the network's outputs for the rows {@code [start, start + input.length)}. */
    private interface ChunkConsumer {
        void accept(int start, float[][] input, double[][] code, double[][] reconstruction);
    }
}
