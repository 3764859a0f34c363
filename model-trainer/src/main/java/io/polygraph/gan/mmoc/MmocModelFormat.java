package io.polygraph.gan.mmoc;

import io.polygraph.features.Standardizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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

    /** Refuses graphs larger than this: a corrupt length must not allocate gigabytes. */
    static final int MAX_GRAPH_BYTES = 256 << 20;

    private MmocModelFormat() {}

    static void write(MmocModel model, OutputStream out) throws IOException {
        ByteArrayOutputStream graphBytes = new ByteArrayOutputStream();
        model.graph().save(graphBytes, false);
        DataOutputStream data = new DataOutputStream(out);
        data.writeUTF(MAGIC);
        data.writeInt(VERSION);
        data.writeUTF(model.thresholdRule().name());
        data.writeDouble(model.threshold());
        Standardizer standardizer = model.standardizer();
        data.writeInt(standardizer.width());
        for (float mean : standardizer.means()) {
            data.writeFloat(mean);
        }
        for (float std : standardizer.stds()) {
            data.writeFloat(std);
        }
        data.writeInt(graphBytes.size());
        graphBytes.writeTo(data);
        data.flush();
    }

    static MmocModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        String magic = data.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IOException("not an MMOC-GAN model stream: magic '" + magic + "'");
        }
        int version = data.readInt();
        if (version != VERSION) {
            throw new IOException(
                    "MMOC-GAN model format version " + version + ", this reader knows " + VERSION);
        }
        ThresholdRule rule = rule(data.readUTF());
        double threshold = data.readDouble();
        int width = data.readInt();
        if (width < 1) {
            throw new IOException("MMOC-GAN model of width " + width);
        }
        float[] means = floats(data, width);
        float[] stds = floats(data, width);
        int length = data.readInt();
        if (length < 1 || length > MAX_GRAPH_BYTES) {
            throw new IOException("MMOC-GAN scoring graph of " + length + " bytes");
        }
        byte[] graphBytes = data.readNBytes(length);
        if (graphBytes.length != length) {
            throw new IOException("MMOC-GAN model stream ends inside its scoring graph");
        }
        SameDiff graph = SameDiff.load(new ByteArrayInputStream(graphBytes), false);
        MmocModel model = new MmocModel(graph, new Standardizer(means, stds), rule, threshold);
        long graphWidth = graph.getVariable(MmocModel.INPUT).getShape()[1];
        if (graphWidth != width) {
            throw new IOException(
                    "scoring graph takes " + graphWidth + " columns, scaling has " + width);
        }
        return model;
    }

    private static ThresholdRule rule(String name) throws IOException {
        try {
            return ThresholdRule.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown MMOC-GAN threshold rule '" + name + "'", e);
        }
    }

    private static float[] floats(DataInputStream data, int count) throws IOException {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = data.readFloat();
        }
        return values;
    }
}
