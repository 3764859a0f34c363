package io.polygraph.detector;

import java.io.IOException;

/**
 * A model snapshot that is not what its trainer wrote: checksum mismatch, missing or unexpected
 * entries, or an unreadable manifest. Thrown before any network is deserialized.
 */
public class SnapshotIntegrityException extends IOException {

    private static final long serialVersionUID = 1L;

    public SnapshotIntegrityException(String message) {
        super(message);
    }

    public SnapshotIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
