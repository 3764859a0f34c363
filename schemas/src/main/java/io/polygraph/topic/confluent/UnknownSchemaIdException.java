package io.polygraph.topic.confluent;

import java.io.IOException;

/**
 * The registry does not know the schema id a value names (it answered 404 with error code 40403):
 * the record is bad data and goes to the dead letters.
 */
public final class UnknownSchemaIdException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int schemaId;

    public UnknownSchemaIdException(int schemaId) {
        super("the schema registry has no schema with id " + schemaId);
        this.schemaId = schemaId;
    }

    /** The id the registry does not know. */
    public int schemaId() {
        return schemaId;
    }
}
