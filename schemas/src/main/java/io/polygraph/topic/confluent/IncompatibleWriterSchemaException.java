package io.polygraph.topic.confluent;

import java.io.IOException;

/**
 * The writer schema a value's id names cannot be read into the job's record: not Avro, not a valid
 * schema, or not resolvable to the reader schema (a required field missing, a type changed). Every
 * value of that id is bad data for this job and goes to the dead letters.
 */
public final class IncompatibleWriterSchemaException extends IOException {
    private static final long serialVersionUID = 1L;

    public IncompatibleWriterSchemaException(String message) {
        super(message);
    }
}
