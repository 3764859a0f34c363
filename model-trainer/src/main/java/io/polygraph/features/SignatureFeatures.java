package io.polygraph.features;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Turns encoded signature images (PNG or JPEG bytes) into a fixed-size ink map for the signature
 * network.
 *
 * <p>Steps: decode with ImageIO (refusing images larger than {@link #MAX_SIDE} pixels a side before
 * their pixels are allocated), composite transparency over white, convert to grey, invert so that
 * ink is 1 and paper 0, crop to the bounding box of the ink (pixels darker than {@link
 * #INK_THRESHOLD}), scale by area averaging so that the box fits {@link #HEIGHT} x {@link #WIDTH}
 * with its aspect ratio kept, and centre it on the canvas. Cropping makes the features independent
 * of where on the paper a customer signed; keeping the aspect ratio keeps the signature's
 * proportions, a trait of the writer. Ink levels are kept as they are, not stretched to full black:
 * stroke width and pressure (how dark and how wide a stroke is after downscaling) are what give a
 * forger's hand away, and a skilled forgery copies everything else. The trade-off is sensitivity to
 * the capture device's contrast, acceptable while enrolment and presented signatures come from the
 * same kind of pad or scanner; normalise upstream otherwise. A blank image gives an all-zero
 * canvas.
 *
 * <p>The result is row-major, {@code HEIGHT * WIDTH} floats in [0, 1]. Thread-safe; bad bytes throw
 * {@link InvalidSignatureImageException}.
 */
public final class SignatureFeatures {

    /** Canvas height in pixels. */
    public static final int HEIGHT = 32;

    /** Canvas width in pixels; signatures are wide, about 2.5 to 3.5 times their height. */
    public static final int WIDTH = 96;

    /** Largest accepted image side, a guard against decompression bombs. */
    public static final int MAX_SIDE = 4096;

    /** Ink level (0 paper, 1 black) above which a pixel counts for the bounding box. */
    static final float INK_THRESHOLD = 0.2f;

    private SignatureFeatures() {}

    /** Whether {@code imageBytes} decode into a signature image; never throws. */
    public static boolean decodable(byte[] imageBytes) {
        try {
            decodeInk(imageBytes);
            return true;
        } catch (InvalidSignatureImageException e) {
            return false;
        }
    }

    /** The canvas of {@code imageBytes}, {@code HEIGHT * WIDTH} floats, row-major. */
    public static float[] encode(byte[] imageBytes) {
        BufferedImage image = read(imageBytes);
        int width = image.getWidth();
        int height = image.getHeight();
        // The ink map does not leave this call: the thread's buffer, not a fresh 4 bytes a pixel.
        float[] ink = InkBuffers.ofThisThread(width * height);
        InkPixels.into(image, ink);
        return InkCanvas.fit(ink, width, height, HEIGHT, WIDTH);
    }

    /** The canvas of an ink map: cropped to the ink and fitted. */
    public static float[] canvas(SignatureInk ink) {
        return InkCanvas.fit(ink, HEIGHT, WIDTH);
    }

    /** Decodes to an ink map (ink 1, paper 0) at the image's own resolution. */
    public static SignatureInk decodeInk(byte[] imageBytes) {
        BufferedImage image = read(imageBytes);
        return new SignatureInk(image.getWidth(), image.getHeight(), InkPixels.of(image));
    }

    private static BufferedImage read(byte[] imageBytes) {
        if (imageBytes == null || imageBytes.length == 0) {
            throw new InvalidSignatureImageException("signature image is empty");
        }
        try (ImageInputStream input =
                // In memory: ImageIO's default stream caches the bytes in a temporary file.
                new MemoryCacheImageInputStream(new ByteArrayInputStream(imageBytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new InvalidSignatureImageException(
                        "signature image is neither PNG nor JPEG ("
                                + imageBytes.length
                                + " bytes)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                requirePlausibleSize(reader.getWidth(0), reader.getHeight(0));
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidSignatureImageException invalid) {
                throw invalid;
            }
            throw new InvalidSignatureImageException(
                    "signature image cannot be decoded ("
                            + imageBytes.length
                            + " bytes): "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    private static void requirePlausibleSize(int width, int height) {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new InvalidSignatureImageException(
                    "signature image size " + width + "x" + height + " is outside 1.." + MAX_SIDE);
        }
    }
}
