package io.polygraph.world;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Compares two signature images the simple way: decode, shrink to a common small size (which also
 * blurs), and take the Pearson correlation of the ink intensities.
 */
final class PixelCorrelation {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 28;

    private PixelCorrelation() {}

    static BufferedImage decode(byte[] encoded) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
            if (image == null) {
                throw new IllegalArgumentException("not a decodable image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double between(byte[] a, byte[] b) {
        return correlation(ink(decode(a)), ink(decode(b)));
    }

    private static double[] ink(BufferedImage image) {
        Image scaled = image.getScaledInstance(WIDTH, HEIGHT, Image.SCALE_AREA_AVERAGING);
        BufferedImage small = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        g.drawImage(scaled, 0, 0, null);
        g.dispose();
        double[] ink = new double[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                ink[y * WIDTH + x] = 255 - (small.getRGB(x, y) & 0xFF);
            }
        }
        return ink;
    }

    private static double correlation(double[] a, double[] b) {
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < a.length; i++) {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= a.length;
        meanB /= b.length;
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - meanA) * (b[i] - meanB);
            varA += (a[i] - meanA) * (a[i] - meanA);
            varB += (b[i] - meanB) * (b[i] - meanB);
        }
        return cov / Math.sqrt(Math.max(1e-12, varA * varB));
    }
}
