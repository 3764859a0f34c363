package io.polygraph.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one gzip-compressed IDX file of unsigned bytes, the format MNIST is published in.
 *
 * <p>Layout: a big-endian int32 magic number ({@value #IMAGES_MAGIC} for a rank-3 image file,
 * {@value #LABELS_MAGIC} for a rank-1 label file), one big-endian int32 per dimension, then the
 * bytes row-major. Every failure is an {@link IOException} whose message starts with the file's
 * path and says what was wrong: not gzip, a wrong magic number, a negative dimension, or fewer or
 * more bytes than the header promises. Trailing bytes are an error rather than ignored because they
 * mean the header and the data disagree, i.e. a wrong or damaged file.
 */
final class IdxFile {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    /** The dimensions read from the header and the data bytes, unsigned, row-major. */
    record Content(int[] dimensions, byte[] data) {}

    private IdxFile() {}

    /** Reads a rank-3 file (count, rows, cols). */
    static Content readImages(Path path) throws IOException {
        return read(path, IMAGES_MAGIC, 3);
    }

    /** Reads a rank-1 file (count). */
    static Content readLabels(Path path) throws IOException {
        return read(path, LABELS_MAGIC, 1);
    }

    private static Content read(Path path, int magic, int rank) throws IOException {
        try (InputStream file = Files.newInputStream(path);
                DataInputStream in =
                        new DataInputStream(
                                new BufferedInputStream(new GZIPInputStream(file, 1 << 16)))) {
            int found = header(in, path, "magic number");
            if (found != magic) {
                throw new IOException(
                        path
                                + ": bad magic number "
                                + found
                                + ", expected "
                                + magic
                                + (magic == IMAGES_MAGIC ? " (IDX images)" : " (IDX labels)"));
            }
            int[] dimensions = new int[rank];
            long bytes = 1;
            for (int i = 0; i < rank; i++) {
                dimensions[i] = header(in, path, "dimension " + i);
                if (dimensions[i] < 0) {
                    throw new IOException(path + ": negative dimension " + dimensions[i]);
                }
                bytes *= dimensions[i];
            }
            if (bytes > Integer.MAX_VALUE - 8) {
                throw new IOException(path + ": header promises " + bytes + " bytes, too many");
            }
            return new Content(dimensions, data(in, path, (int) bytes));
        } catch (ZipException | EOFException e) {
            throw new IOException(
                    path + ": truncated or not gzip-compressed (" + e.getMessage() + ")", e);
        }
    }

    private static int header(DataInputStream in, Path path, String what) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new IOException(path + ": truncated, the file ends before the " + what, e);
        }
    }

    private static byte[] data(InputStream in, Path path, int expected) throws IOException {
        byte[] data = in.readNBytes(expected);
        if (data.length < expected) {
            throw new IOException(
                    path
                            + ": truncated, header promises "
                            + expected
                            + " data bytes but the"
                            + " file holds "
                            + data.length);
        }
        if (in.read() != -1) {
            throw new IOException(
                    path + ": more data than the header promises (" + expected + " bytes)");
        }
        return data;
    }
}
