package io.polygraph.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A set of 28x28 MNIST digit images with their labels, pixels scaled to [0, 1].
 *
 * <p>Contract: image {@code i} is a row-major {@code float[784]} whose values are the file's
 * unsigned grey bytes divided by 255 (0 = background, 1 = full ink), and {@code digit(i)} is its
 * label in 0..9. Immutable and thread-safe: arrays are copied in and copied out. The trade-off is
 * an allocation per {@link #image} call (3 KiB), negligible next to training on the image and
 * cheaper than the bugs a shared mutable pixel array invites.
 */
public final class MnistSet {

    /** Image height and width in pixels. */
    public static final int SIDE = 28;

    /** Pixels per image. */
    public static final int PIXELS = SIDE * SIDE;

    /** Number of digit classes. */
    public static final int DIGITS = 10;

    private final float[][] images;
    private final int[] digits;

    private MnistSet(float[][] images, int[] digits) {
        this.images = images;
        this.digits = digits;
    }

    /**
     * A set holding copies of {@code images} and {@code digits}.
     *
     * @throws IllegalArgumentException when the lengths differ, an image is not {@value #PIXELS}
     *     pixels, a pixel is outside [0, 1] or a digit is outside 0..9
     */
    public static MnistSet of(float[][] images, int[] digits) {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(digits, "digits");
        if (images.length != digits.length) {
            throw new IllegalArgumentException(
                    images.length + " images but " + digits.length + " digits");
        }
        float[][] copies = new float[images.length][];
        for (int i = 0; i < images.length; i++) {
            copies[i] = checkedImage(images[i], i);
            if (digits[i] < 0 || digits[i] >= DIGITS) {
                throw new IllegalArgumentException("digit " + digits[i] + " of image " + i);
            }
        }
        return new MnistSet(copies, digits.clone());
    }

    private static float[] checkedImage(float[] image, int index) {
        if (image == null || image.length != PIXELS) {
            throw new IllegalArgumentException(
                    "image " + index + " must have " + PIXELS + " pixels");
        }
        for (float pixel : image) {
            if (!(pixel >= 0f && pixel <= 1f)) {
                throw new IllegalArgumentException(
                        "image " + index + " has pixel " + pixel + " outside [0, 1]");
            }
        }
        return image.clone();
    }

    /** Number of images. */
    public int size() {
        return images.length;
    }

    /** A copy of image {@code index}: {@value #PIXELS} values in [0, 1], row by row. */
    public float[] image(int index) {
        return images[index].clone();
    }

    /** The digit (0..9) that image {@code index} shows. */
    public int digit(int index) {
        return digits[index];
    }

    /**
     * The first {@code count} images (all of them when the set is smaller), for quick runs on a
     * part of the data; the training file is already shuffled, so its first images cover every
     * digit.
     */
    public MnistSet first(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        int kept = Math.min(count, images.length);
        return new MnistSet(Arrays.copyOf(images, kept), Arrays.copyOf(digits, kept));
    }

    /** How many images show each digit: element {@code d} counts digit {@code d}. */
    public int[] classCounts() {
        int[] counts = new int[DIGITS];
        for (int digit : digits) {
            counts[digit]++;
        }
        return counts;
    }

    @Override
    public String toString() {
        return "MnistSet[" + images.length + " images]";
    }
}
