package io.polygraph.detector;

import io.polygraph.features.InvalidSignatureImageException;
import io.polygraph.features.SignatureFeatures;
import io.polygraph.schema.SignatureImage;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes the signature images of one batch into network canvases, each distinct image once: an
 * enrolment signature shared by several records of an entity is keyed by its bytes. Enrolment
 * signatures are also looked up in, and added to, the scorer's {@link EnrolmentCanvases}, which
 * outlive the batch. An image that cannot be decoded gives null, never an exception, so that one
 * bad image cannot fail the other records of the batch. One instance per batch; not thread-safe.
 */
public final class SignatureCanvases {

    /** Stands for an image that could not be decoded, so that one lookup tells all three cases. */
    private static final float[] UNDECODABLE = new float[0];

    private final Map<ImageKey, float[]> decoded = new HashMap<>();
    private final EnrolmentCanvases enrolments;

    /** Canvases for a batch that keeps nothing beyond itself. */
    public SignatureCanvases() {
        this(new EnrolmentCanvases(0));
    }

    /**
     * Canvases for a batch, its enrolment signatures kept in (and read from) {@code enrolments}.
     */
    public SignatureCanvases(EnrolmentCanvases enrolments) {
        this.enrolments = enrolments;
    }

    /** The canvas of {@code signature}, or null when its bytes cannot be decoded. */
    public float[] of(SignatureImage signature) {
        ImageKey key = ImageKey.of(signature.getImageBytes());
        float[] canvas = decoded.get(key);
        if (canvas == null) {
            canvas = decode(signature);
            decoded.put(key, canvas);
        }
        return usable(canvas);
    }

    /**
     * The canvas of {@code signature}, an entity's enrolment signature, or null when its bytes
     * cannot be decoded; taken from, or else added to, the canvases kept across batches.
     */
    public float[] ofEnrolment(SignatureImage signature) {
        ImageKey key = ImageKey.of(signature.getImageBytes());
        float[] canvas = decoded.get(key);
        if (canvas == null) {
            canvas = enrolments.get(key);
            if (canvas == null) {
                canvas = decode(signature);
                enrolments.put(key, canvas);
            }
            decoded.put(key, canvas);
        }
        return usable(canvas);
    }

    private static float[] usable(float[] canvas) {
        return canvas == UNDECODABLE ? null : canvas;
    }

    private static float[] decode(SignatureImage signature) {
        try {
            return SignatureFeatures.encode(SignatureBytes.of(signature));
        } catch (InvalidSignatureImageException e) {
            return UNDECODABLE;
        }
    }
}
