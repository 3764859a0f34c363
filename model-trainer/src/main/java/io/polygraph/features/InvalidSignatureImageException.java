package io.polygraph.features;

/**
 * Signature image bytes that cannot be turned into features: not a PNG or JPEG, truncated, empty or
 * implausibly large.
 *
 * <p>Unchecked, because it reports bad input data, not a condition a caller can retry; a streaming
 * job should check images with {@link SignatureFeatures#decodable(byte[])} when it decodes records
 * and send undecodable ones to its dead-letter output. The message says why, never what the bytes
 * were.
 */
public class InvalidSignatureImageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidSignatureImageException(String message) {
        super(message);
    }

    public InvalidSignatureImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
