package io.polygraph.topic.confluent;

import java.io.IOException;

/**
 * A value that does not start with the Confluent framing: a magic byte 0 and a four-byte schema id.
 * Bad data: the record goes to the dead letters.
 */
public final class NotConfluentFramedException extends IOException {
    private static final long serialVersionUID = 1L;

    public NotConfluentFramedException(String message) {
        super(message);
    }
}
