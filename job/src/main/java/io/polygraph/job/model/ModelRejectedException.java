package io.polygraph.job.model;

import java.util.Objects;

/** An announced snapshot that must not score: the reason and a message without payload data. */
public final class ModelRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;

    public ModelRejectedException(RejectionReason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ModelRejectedException(RejectionReason reason, String message) {
        this(reason, message, null);
    }

    /** Why the snapshot was refused. */
    public RejectionReason reason() {
        return reason;
    }
}
