package io.polygraph.detector;

import io.polygraph.schema.SignatureImage;
import java.nio.ByteBuffer;

/** Copies the encoded image out of a {@link SignatureImage} without disturbing its buffer. */
public final class SignatureBytes {

    private SignatureBytes() {}

    /** The image bytes of {@code signature}, a fresh array. */
    public static byte[] of(SignatureImage signature) {
        ByteBuffer buffer = signature.getImageBytes().duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
