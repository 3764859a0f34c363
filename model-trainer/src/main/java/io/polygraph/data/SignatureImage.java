package io.polygraph.data;

import io.polygraph.features.SignatureFeatures;
import java.util.Objects;

/**
 * One scanned signature: its file's name, its encoded bytes and its network canvas.
 *
 * <p>The bytes are kept because training decodes them again to draw synthetic forgeries from the
 * full-resolution ink; the canvas ({@link SignatureFeatures#encode}, {@code HEIGHT * WIDTH} floats)
 * is computed once when the file is read, since every detector compares canvases. Both arrays are
 * shared, not copied: treat them as read-only.
 *
 * @param name the file's path relative to the signature folder, such as {@code
 *     001/genuine/001_01.png}; an identifier for logs and errors
 * @param png the file's bytes
 * @param canvas the signature's canvas, row-major, ink 1 and paper 0
 */
public record SignatureImage(String name, byte[] png, float[] canvas) {

    public SignatureImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(png, "png");
        Objects.requireNonNull(canvas, "canvas");
        if (canvas.length != SignatureFeatures.HEIGHT * SignatureFeatures.WIDTH) {
            throw new IllegalArgumentException(
                    name
                            + ": a canvas has "
                            + canvas.length
                            + " values, expected "
                            + SignatureFeatures.HEIGHT * SignatureFeatures.WIDTH);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
