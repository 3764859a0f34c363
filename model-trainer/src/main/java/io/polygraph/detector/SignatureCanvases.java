package io.polygraph.detector;

import io.polygraph.features.InvalidSignatureImageException;
import io.polygraph.features.SignatureFeatures;
import io.polygraph.schema.SignatureImage;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes the signature images of one batch into network canvases, each distinct image once: an
 * enrolment signature shared by several records of an entity is keyed by its bytes. An image that
 * cannot be decoded gives null, never an exception, so that one bad image cannot fail the other
 * records of the batch. One instance per batch; not thread-safe.
 */
public final class SignatureCanvases {

    private final Map<ByteBuffer, float[]> decoded = new HashMap<>();

    /** The canvas of {@code signature}, or null when its bytes cannot be decoded. */
    public float[] of(SignatureImage signature) {
        ByteBuffer key = signature.getImageBytes().duplicate();
        if (decoded.containsKey(key)) {
            return decoded.get(key);
        }
        float[] canvas;
        try {
            canvas = SignatureFeatures.encode(SignatureBytes.of(signature));
        } catch (InvalidSignatureImageException e) {
            canvas = null;
        }
        decoded.put(key, canvas);
        return canvas;
    }
}
