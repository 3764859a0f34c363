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

    /** Stands for an image that could not be decoded, so that one lookup tells all three cases. */
    private static final float[] UNDECODABLE = new float[0];

    private final Map<ImageKey, float[]> decoded = new HashMap<>();

    /** The canvas of {@code signature}, or null when its bytes cannot be decoded. */
    public float[] of(SignatureImage signature) {
        ImageKey key = new ImageKey(signature.getImageBytes().duplicate());
        float[] canvas = decoded.get(key);
        if (canvas == null) {
            canvas = decode(signature);
            decoded.put(key, canvas);
        }
        return canvas == UNDECODABLE ? null : canvas;
    }

    private static float[] decode(SignatureImage signature) {
        try {
            return SignatureFeatures.encode(SignatureBytes.of(signature));
        } catch (InvalidSignatureImageException e) {
            return UNDECODABLE;
        }
    }

    /**
     * An image's bytes with their hash worked out once: a {@link ByteBuffer} hashes all its bytes
     * on every call, a few kilobytes per signature, and a lookup and an insertion would hash them
     * twice.
     */
    private static final class ImageKey {

        private final ByteBuffer bytes;
        private final int hash;

        ImageKey(ByteBuffer bytes) {
            this.bytes = bytes;
            this.hash = bytes.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ImageKey key && hash == key.hash && bytes.equals(key.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
