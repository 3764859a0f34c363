package io.polygraph.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The table lookup of single-channel images gives exactly the ink that the colour conversion of
 * {@code getRGB} gives: the same pixels in an ARGB image, which takes the general path, are the
 * oracle.
 */
class InkPixelsTest {

    @Test
    void greyscaleImagesGetTheInkOfTheirArgbPixels() {
        BufferedImage grey = randomGrey(300, 140, 7);

        assertThat(InkPixels.of(grey)).containsExactly(InkPixels.of(asArgb(grey)));
    }

    @Test
    void aRegionOfALargerImageReadsItsOwnPixelsOnly() {
        BufferedImage page = randomGrey(300, 140, 11);
        // Shares the page's pixel array: its rows start mid-row and are 300 pixels apart.
        BufferedImage region = page.getSubimage(37, 21, 120, 60);

        assertThat(InkPixels.of(region)).containsExactly(InkPixels.of(asArgb(region)));
    }

    @Test
    void everyGreyLevelAndTheOtherSingleChannelTypesToo() {
        for (int type :
                new int[] {
                    BufferedImage.TYPE_BYTE_GRAY,
                    BufferedImage.TYPE_BYTE_BINARY,
                    BufferedImage.TYPE_BYTE_INDEXED
                }) {
            BufferedImage image = new BufferedImage(256, 3, type);
            for (int x = 0; x < 256; x++) {
                image.getRaster()
                        .setSample(x, 1, 0, x % (type == BufferedImage.TYPE_BYTE_BINARY ? 2 : 256));
            }

            assertThat(InkPixels.of(image))
                    .as("type %d", type)
                    .containsExactly(InkPixels.of(asArgb(image)));
        }
    }

    @Test
    void whitePaperHasNoInkAndBlackInkIsFull() {
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 255);
        grey.getRaster().setSample(1, 0, 0, 0);

        float[] ink = InkPixels.of(grey);

        assertThat(ink[0]).isZero();
        assertThat(ink[1]).isEqualTo(1f);
    }

    private static BufferedImage randomGrey(int width, int height, long seed) {
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                grey.getRaster().setSample(x, y, 0, random.nextInt(256));
            }
        }
        return grey;
    }

    private static BufferedImage asArgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage argb = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(
                0, 0, width, height, image.getRGB(0, 0, width, height, null, 0, width), 0, width);
        return argb;
    }
}
