package io.polygraph.gan.bigan;

import io.polygraph.features.Standardizer;
import io.polygraph.mixture.InfiniteGaussianMixture;
import io.polygraph.mixture.MixtureCluster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The stream format of a {@link BiganModel}, version {@value #VERSION}.
 *
 * <p>Layout ({@link DataOutputStream} encoding, big-endian): the magic string {@value #MAGIC}, the
 * version, EGBAD's {@code alpha}, the width {@code d}, {@code d} means and {@code d} standard
 * deviations of the input scaling, the latent width {@code k}, the number of kept mixture clusters
 * and each cluster, then the single Gaussian as one more cluster, then the length and the bytes of
 * the scoring graph in SameDiff's FlatBuffers format (weights as constants, no updater state). A
 * cluster is its size, its {@code k} mean values and the rows of its covariance factor ({@code i +
 * 1} values in row {@code i}), all doubles, so scores after a round trip are identical. A reader
 * refuses another magic or version and anything that does not fit, naming what it found. There is
 * no checksum: the snapshot archive that will hold this stream has one.
 */
final class BiganModelFormat {

    static final String MAGIC = "polygraph-igmm-bigan";
    static final int VERSION = 1;

    /** Refuses graphs larger than this: a corrupt length must not allocate gigabytes. */
    static final int MAX_GRAPH_BYTES = 256 << 20;

    /** Refuses more clusters or latent columns than this, for the same reason. */
    static final int MAX_COUNT = 1 << 16;

    private BiganModelFormat() {}

    static void write(BiganModel model, OutputStream out) throws IOException {
        ByteArrayOutputStream graphBytes = new ByteArrayOutputStream();
        model.pass().graph().save(graphBytes, false);
        DataOutputStream data = new DataOutputStream(out);
        data.writeUTF(MAGIC);
        data.writeInt(VERSION);
        data.writeDouble(model.egbadWeight());
        Standardizer standardizer = model.standardizer();
        data.writeInt(standardizer.width());
        for (float mean : standardizer.means()) {
            data.writeFloat(mean);
        }
        for (float std : standardizer.stds()) {
            data.writeFloat(std);
        }
        data.writeInt(model.latentWidth());
        List<MixtureCluster> clusters = model.mixture().clusters();
        data.writeInt(clusters.size());
        for (MixtureCluster cluster : clusters) {
            writeCluster(cluster, data);
        }
        writeCluster(model.singleGaussian(), data);
        data.writeInt(graphBytes.size());
        graphBytes.writeTo(data);
        data.flush();
    }

    static BiganModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        String magic = data.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IOException("not an IGMM-BiGAN model stream: magic '" + magic + "'");
        }
        int version = data.readInt();
        if (version != VERSION) {
            throw new IOException(
                    "IGMM-BiGAN model format version "
                            + version
                            + ", this reader knows "
                            + VERSION);
        }
        double egbadWeight = data.readDouble();
        int width = count(data.readInt(), "width");
        Standardizer standardizer = new Standardizer(floats(data, width), floats(data, width));
        int latentWidth = count(data.readInt(), "latent width");
        int clusterCount = count(data.readInt(), "cluster count");
        try {
            List<MixtureCluster> clusters = new ArrayList<>();
            for (int c = 0; c < clusterCount; c++) {
                clusters.add(readCluster(data, latentWidth));
            }
            InfiniteGaussianMixture mixture = new InfiniteGaussianMixture(latentWidth, clusters);
            MixtureCluster gaussian = readCluster(data, latentWidth);
            SameDiff graph = readGraph(data);
            checkGraphWidth(graph, width);
            return new BiganModel(
                    new ScoringPass(graph, standardizer), mixture, gaussian, egbadWeight);
        } catch (IllegalArgumentException e) {
            throw new IOException("inconsistent IGMM-BiGAN model: " + e.getMessage(), e);
        }
    }

    private static void writeCluster(MixtureCluster cluster, DataOutputStream data)
            throws IOException {
        data.writeInt(cluster.size());
        for (double value : cluster.mean()) {
            data.writeDouble(value);
        }
        for (double[] row : cluster.covarianceFactor()) {
            for (double value : row) {
                data.writeDouble(value);
            }
        }
    }

    private static MixtureCluster readCluster(DataInputStream data, int dimension)
            throws IOException {
        int size = data.readInt();
        double[] mean = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            mean[j] = data.readDouble();
        }
        double[][] factor = new double[dimension][];
        for (int i = 0; i < dimension; i++) {
            factor[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                factor[i][j] = data.readDouble();
            }
        }
        return new MixtureCluster(size, mean, factor);
    }

    private static SameDiff readGraph(DataInputStream data) throws IOException {
        int length = data.readInt();
        if (length < 1 || length > MAX_GRAPH_BYTES) {
            throw new IOException("IGMM-BiGAN scoring graph of " + length + " bytes");
        }
        byte[] graphBytes = data.readNBytes(length);
        if (graphBytes.length != length) {
            throw new IOException("IGMM-BiGAN model stream ends inside its scoring graph");
        }
        return SameDiff.load(new ByteArrayInputStream(graphBytes), false);
    }

    private static void checkGraphWidth(SameDiff graph, int width) throws IOException {
        if (graph.getVariable(ScoringPass.INPUT) == null) {
            throw new IOException("IGMM-BiGAN scoring graph lacks " + ScoringPass.INPUT);
        }
        long graphWidth = graph.getVariable(ScoringPass.INPUT).getShape()[1];
        if (graphWidth != width) {
            throw new IOException(
                    "scoring graph takes " + graphWidth + " columns, scaling has " + width);
        }
    }

    private static int count(int value, String what) throws IOException {
        if (value < 1 || value > MAX_COUNT) {
            throw new IOException("IGMM-BiGAN model with " + what + " " + value);
        }
        return value;
    }

    private static float[] floats(DataInputStream data, int count) throws IOException {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = data.readFloat();
        }
        return values;
    }
}
