package io.polygraph.features;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/**
 * The ink of each pixel of a decoded signature image: 1 minus its grey level laid over white paper,
 * row-major.
 *
 * <p>Single-channel 8-bit images (every scanned and generated signature here is 8-bit greyscale)
 * take a fast path: their 256 possible grey values are converted once, through the image's own
 * colour model, into a table that every pixel then looks up, which gives exactly what {@link
 * BufferedImage#getRGB} gives, without its per-pixel colour conversion (which was a sixth of the
 * scoring time of the default detector). Other images go through {@code getRGB}.
 */
final class InkPixels {

    private static final int GREY_LEVELS = 256;

    private InkPixels() {}

    static float[] of(BufferedImage image) {
        float[] ink = new float[image.getWidth() * image.getHeight()];
        into(image, ink);
        return ink;
    }

    /**
     * Writes the ink of {@code image} into the first {@code width * height} cells of {@code ink},
     * which may be longer (a reused buffer); the cells after them are left as they are.
     */
    static void into(BufferedImage image, float[] ink) {
        int width = image.getWidth();
        int height = image.getHeight();
        Raster raster = image.getRaster();
        if (raster.getNumBands() == 1 && raster.getTransferType() == DataBuffer.TYPE_BYTE) {
            float[] inkOfLevel = inkOfEachLevel(image.getColorModel());
            byte[] row = new byte[width];
            for (int y = 0; y < height; y++) {
                raster.getDataElements(0, y, width, 1, row);
                for (int x = 0; x < width; x++) {
                    ink[y * width + x] = inkOfLevel[row[x] & 0xff];
                }
            }
            return;
        }
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < argb.length; i++) {
            ink[i] = 1f - luminanceOverWhite(argb[i]);
        }
    }

    private static float[] inkOfEachLevel(ColorModel colours) {
        float[] ink = new float[GREY_LEVELS];
        byte[] pixel = new byte[1];
        for (int level = 0; level < GREY_LEVELS; level++) {
            pixel[0] = (byte) level;
            ink[level] = 1f - luminanceOverWhite(colours.getRGB(pixel));
        }
        return ink;
    }

    /** Grey level in [0, 1] of an ARGB pixel laid over white paper. */
    private static float luminanceOverWhite(int argb) {
        float alpha = ((argb >>> 24) & 0xff) / 255f;
        float red = ((argb >>> 16) & 0xff) / 255f;
        float green = ((argb >>> 8) & 0xff) / 255f;
        float blue = (argb & 0xff) / 255f;
        float grey = 0.299f * red + 0.587f * green + 0.114f * blue;
        return alpha * grey + (1f - alpha);
    }
}
