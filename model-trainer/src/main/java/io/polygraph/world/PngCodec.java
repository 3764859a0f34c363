package io.polygraph.world;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes rendered signatures as PNG and reads the size of PNG files, entirely in memory.
 *
 * <p>Memory-cached image streams avoid ImageIO's temporary files (and changing its global cache
 * setting); the JDK's PNG writer adds no timestamp, so equal pixels give equal bytes.
 */
final class PngCodec {

    private PngCodec() {}

    static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a signature as PNG", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Width and height of an encoded image, read from its header without decoding the pixels. */
    static int[] size(byte[] encoded, String name) {
        try (ImageInputStream in =
                new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IllegalArgumentException(name + " is not an image ImageIO can read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the image header of " + name, e);
        }
    }
}
