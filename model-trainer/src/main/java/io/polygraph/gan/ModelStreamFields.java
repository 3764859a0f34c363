package io.polygraph.gan;

import io.polygraph.features.Standardizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The fields that the GAN detectors' model streams share, in {@link DataOutputStream} encoding
 * (big-endian): the header (magic string and version), the input scaling, arrays of doubles and the
 * scoring graph. Each format ({@code MmocModelFormat}, {@code BiganModelFormat}) decides the order
 * and its own fields; this class only writes and reads one field at a time, so a format's bytes do
 * not depend on which fields it shares.
 *
 * <p>Contract: a reader refuses another magic or version, a graph length outside 1..{@value
 * #MAX_GRAPH_BYTES}, a stream that ends inside the graph and a graph whose input width differs from
 * the scaling's, with an {@link IOException} that names the model ({@link #model}) and what it
 * found. Trade-off: the graph is serialised to memory first to write its length before it, so a
 * model's graph is held twice while it is written.
 *
 * @param model the model's name in messages, e.g. {@code "MMOC-GAN"}
 * @param magic the first field of the stream
 * @param version the format version the writer writes and the reader accepts
 */
public record ModelStreamFields(String model, String magic, int version) {

    /** Refuses graphs larger than this: a corrupt length must not allocate gigabytes. */
    public static final int MAX_GRAPH_BYTES = 256 << 20;

    public ModelStreamFields {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(magic, "magic");
    }

    /** Writes the magic string and the version. */
    public void writeHeader(DataOutputStream data) throws IOException {
        data.writeUTF(magic);
        data.writeInt(version);
    }

    /** Reads and checks what {@link #writeHeader} wrote. */
    public void readHeader(DataInputStream data) throws IOException {
        String found = data.readUTF();
        if (!magic.equals(found)) {
            throw new IOException("not an " + model + " model stream: magic '" + found + "'");
        }
        int foundVersion = data.readInt();
        if (foundVersion != version) {
            throw new IOException(
                    model
                            + " model format version "
                            + foundVersion
                            + ", this reader knows "
                            + version);
        }
    }

    /** Writes the width {@code d}, then {@code d} means and {@code d} standard deviations. */
    public static void writeScaling(Standardizer standardizer, DataOutputStream data)
            throws IOException {
        data.writeInt(standardizer.width());
        for (float mean : standardizer.means()) {
            data.writeFloat(mean);
        }
        for (float std : standardizer.stds()) {
            data.writeFloat(std);
        }
    }

    /**
     * Reads the means and standard deviations that {@link #writeScaling} wrote after the width; the
     * caller reads and checks the width, since the formats bound it differently.
     */
    public static Standardizer readScaling(DataInputStream data, int width) throws IOException {
        return new Standardizer(floats(data, width), floats(data, width));
    }

    /** Writes {@code values} as doubles, without their count. */
    public static void writeDoubles(double[] values, DataOutputStream data) throws IOException {
        for (double value : values) {
            data.writeDouble(value);
        }
    }

    /** Reads {@code count} doubles that {@link #writeDoubles} wrote. */
    public static double[] readDoubles(DataInputStream data, int count) throws IOException {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = data.readDouble();
        }
        return values;
    }

    /**
     * The graph in SameDiff's FlatBuffers format (weights as constants, no updater state). Why
     * apart from {@link #writeGraph}: a format serialises the graph before it writes anything, so
     * that a graph that cannot be saved leaves the stream untouched.
     */
    public static byte[] graphBytes(SameDiff graph) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        graph.save(bytes, false);
        return bytes.toByteArray();
    }

    /** Writes the length and the bytes of a graph from {@link #graphBytes}. */
    public static void writeGraph(byte[] graphBytes, DataOutputStream data) throws IOException {
        data.writeInt(graphBytes.length);
        data.write(graphBytes);
    }

    /** Reads a graph that {@link #writeGraph} wrote. */
    public SameDiff readGraph(DataInputStream data) throws IOException {
        int length = data.readInt();
        if (length < 1 || length > MAX_GRAPH_BYTES) {
            throw new IOException(model + " scoring graph of " + length + " bytes");
        }
        byte[] graphBytes = data.readNBytes(length);
        if (graphBytes.length != length) {
            throw new IOException(model + " model stream ends inside its scoring graph");
        }
        return SameDiff.load(new ByteArrayInputStream(graphBytes), false);
    }

    /** Checks that the graph's placeholder {@code input} takes {@code width} columns. */
    public void checkGraphWidth(SameDiff graph, String input, int width) throws IOException {
        if (graph.getVariable(input) == null) {
            throw new IOException(model + " scoring graph lacks " + input);
        }
        long graphWidth = graph.getVariable(input).getShape()[1];
        if (graphWidth != width) {
            throw new IOException(
                    "scoring graph takes " + graphWidth + " columns, scaling has " + width);
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
