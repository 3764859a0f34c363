package io.polygraph.features;

import java.util.Objects;

/**
 * A decoded signature as an ink map at the image's own resolution: row-major, 1 for black ink, 0
 * for paper.
 *
 * <p>The intermediate form between {@link SignatureFeatures#decodeInk} and {@link
 * SignatureFeatures#canvas}; the trainer distorts it to make synthetic forgeries. The array is
 * shared, not copied: treat it as read-only unless you created it.
 *
 * @param width width in pixels
 * @param height height in pixels
 * @param ink {@code width * height} ink levels in [0, 1]
 */
public record SignatureInk(int width, int height, float[] ink) {

    public SignatureInk {
        Objects.requireNonNull(ink, "ink");
        if (width < 1 || height < 1 || ink.length != width * height) {
            throw new IllegalArgumentException(
                    "ink map " + width + "x" + height + " has " + ink.length + " values");
        }
    }

    /** The ink level at {@code (x, y)}, 0 outside the map. */
    public float at(int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0f : ink[y * width + x];
    }
}
