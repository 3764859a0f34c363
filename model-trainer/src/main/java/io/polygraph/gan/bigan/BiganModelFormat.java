package io.polygraph.gan.bigan;

import io.polygraph.features.Standardizer;
import io.polygraph.gan.ModelStreamFields;
import io.polygraph.mixture.InfiniteGaussianMixture;
import io.polygraph.mixture.MixtureCluster;
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

    /** Refuses more clusters or latent columns than this: a corrupt count must not allocate. */
    static final int MAX_COUNT = 1 << 16;

    private static final ModelStreamFields FIELDS =
            new ModelStreamFields("IGMM-BiGAN", MAGIC, VERSION);

    private BiganModelFormat() {}

    static void write(BiganModel model, OutputStream out) throws IOException {
        byte[] graphBytes = ModelStreamFields.graphBytes(model.pass().graph());
        DataOutputStream data = new DataOutputStream(out);
        FIELDS.writeHeader(data);
        data.writeDouble(model.egbadWeight());
        ModelStreamFields.writeScaling(model.standardizer(), data);
        data.writeInt(model.latentWidth());
        List<MixtureCluster> clusters = model.mixture().clusters();
        data.writeInt(clusters.size());
        for (MixtureCluster cluster : clusters) {
            writeCluster(cluster, data);
        }
        writeCluster(model.singleGaussian(), data);
        ModelStreamFields.writeGraph(graphBytes, data);
        data.flush();
    }

    static BiganModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        FIELDS.readHeader(data);
        double egbadWeight = data.readDouble();
        int width = count(data.readInt(), "width");
        Standardizer standardizer = ModelStreamFields.readScaling(data, width);
        int latentWidth = count(data.readInt(), "latent width");
        int clusterCount = count(data.readInt(), "cluster count");
        try {
            List<MixtureCluster> clusters = new ArrayList<>();
            for (int c = 0; c < clusterCount; c++) {
                clusters.add(readCluster(data, latentWidth));
            }
            InfiniteGaussianMixture mixture = new InfiniteGaussianMixture(latentWidth, clusters);
            MixtureCluster gaussian = readCluster(data, latentWidth);
            SameDiff graph = FIELDS.readGraph(data);
            FIELDS.checkGraphWidth(graph, ScoringPass.INPUT, width);
            return new BiganModel(
                    new ScoringPass(graph, standardizer), mixture, gaussian, egbadWeight);
        } catch (IllegalArgumentException e) {
            throw new IOException("inconsistent IGMM-BiGAN model: " + e.getMessage(), e);
        }
    }

    private static void writeCluster(MixtureCluster cluster, DataOutputStream data)
            throws IOException {
        data.writeInt(cluster.size());
        ModelStreamFields.writeDoubles(cluster.mean(), data);
        for (double[] row : cluster.covarianceFactor()) {
            ModelStreamFields.writeDoubles(row, data);
        }
    }

    private static MixtureCluster readCluster(DataInputStream data, int dimension)
            throws IOException {
        int size = data.readInt();
        double[] mean = ModelStreamFields.readDoubles(data, dimension);
        double[][] factor = new double[dimension][];
        for (int i = 0; i < dimension; i++) {
            factor[i] = ModelStreamFields.readDoubles(data, i + 1);
        }
        return new MixtureCluster(size, mean, factor);
    }

    private static int count(int value, String what) throws IOException {
        if (value < 1 || value > MAX_COUNT) {
            throw new IOException("IGMM-BiGAN model with " + what + " " + value);
        }
        return value;
    }
}
