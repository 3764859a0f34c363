package io.polygraph.gan.mmoc;

import io.polygraph.features.Standardizer;
import io.polygraph.gan.ModelStreamFields;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The stream format of an {@link MmocModel}, version {@value #VERSION}.
 *
 * <p>Layout ({@link DataOutputStream} encoding, big-endian): the magic string {@value #MAGIC}, the
 * version, the threshold rule's name and the threshold, the width {@code d}, {@code d} means and
 * {@code d} standard deviations of the input scaling, then the length and the bytes of the scoring
 * graph in SameDiff's FlatBuffers format (weights as constants, no updater state). A reader refuses
 * another magic or version, and a graph or width that does not fit, naming what it found. There is
 * no checksum: the snapshot archive that will hold this stream has one.
 */
final class MmocModelFormat {

    static final String MAGIC = "polygraph-mmoc-gan";
    static final int VERSION = 1;

    private static final ModelStreamFields FIELDS =
            new ModelStreamFields("MMOC-GAN", MAGIC, VERSION);

    private MmocModelFormat() {}

    static void write(MmocModel model, OutputStream out) throws IOException {
        byte[] graphBytes = ModelStreamFields.graphBytes(model.graph());
        DataOutputStream data = new DataOutputStream(out);
        FIELDS.writeHeader(data);
        data.writeUTF(model.thresholdRule().name());
        data.writeDouble(model.threshold());
        ModelStreamFields.writeScaling(model.standardizer(), data);
        ModelStreamFields.writeGraph(graphBytes, data);
        data.flush();
    }

    static MmocModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        FIELDS.readHeader(data);
        ThresholdRule rule = rule(data.readUTF());
        double threshold = data.readDouble();
        int width = data.readInt();
        if (width < 1) {
            throw new IOException("MMOC-GAN model of width " + width);
        }
        Standardizer standardizer = ModelStreamFields.readScaling(data, width);
        SameDiff graph = FIELDS.readGraph(data);
        MmocModel model = new MmocModel(graph, standardizer, rule, threshold);
        FIELDS.checkGraphWidth(graph, MmocModel.INPUT, width);
        return model;
    }

    private static ThresholdRule rule(String name) throws IOException {
        try {
            return ThresholdRule.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown MMOC-GAN threshold rule '" + name + "'", e);
        }
    }
}
