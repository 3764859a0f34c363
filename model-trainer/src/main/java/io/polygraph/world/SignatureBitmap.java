package io.polygraph.world;

import io.polygraph.schema.ImageFormat;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.SignaturePurpose;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Objects;

/**
 * An encoded signature image with its size, before it is filed as a {@link SignatureImage}.
 *
 * <p>The byte array is shared, not copied: images are written once and only read afterwards, and a
 * world holds thousands of them. The Avro record gets a plain (array-backed) buffer because readers
 * commonly call {@code array()} on it.
 *
 * @param png the PNG-encoded image
 * @param width width in pixels
 * @param height height in pixels
 */
record SignatureBitmap(byte[] png, int width, int height) {

    SignatureBitmap {
        Objects.requireNonNull(png, "png");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("invalid image size " + width + "x" + height);
        }
    }

    SignatureImage toAvro(
            String entityId, Instant capturedAt, SignaturePurpose purpose, String transactionId) {
        return SignatureImage.newBuilder()
                .setEntityId(entityId)
                .setCapturedAt(capturedAt)
                .setPurpose(purpose)
                .setTransactionId(transactionId)
                .setFormat(ImageFormat.PNG)
                .setImageBytes(ByteBuffer.wrap(png))
                .setWidth(width)
                .setHeight(height)
                .build();
    }
}
