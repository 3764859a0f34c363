package io.polygraph.job.decode;

import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.topic.confluent.IncompatibleWriterSchemaException;
import io.polygraph.topic.confluent.NotConfluentFramedException;
import io.polygraph.topic.confluent.UnknownSchemaIdException;
import org.apache.avro.AvroTypeException;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.MissingSchemaException;

/**
 * Classifies why Avro could not decode a value, so that dead letters get a reason a person can act
 * on and counters a bounded set of names.
 *
 * <p>Avro's single-object decoder picks the writer schema by the fingerprint in the header. A
 * record written with a schema that lacks a required field, or that allows null where the reader
 * requires a value, has a fingerprint of its own: unless that schema is registered with the codec
 * it is an {@linkplain ValidationRule#UNKNOWN_WRITER_SCHEMA unknown writer schema}; when it is
 * registered, schema resolution fails with an {@link AvroTypeException} naming the field. In the
 * Confluent wire format the registry names the writer schema by id, and a schema that cannot be
 * resolved is an {@link IncompatibleWriterSchemaException}.
 */
final class DecodeFailures {

    private DecodeFailures() {}

    /** The decoding rule {@code error} (the unwrapped cause of a failed decode) broke. */
    static ValidationRule classify(Throwable error) {
        if (error instanceof BadHeaderException) {
            return ValidationRule.NOT_SINGLE_OBJECT_ENCODED;
        }
        if (error instanceof MissingSchemaException) {
            return ValidationRule.UNKNOWN_WRITER_SCHEMA;
        }
        if (error instanceof NotConfluentFramedException) {
            return ValidationRule.NOT_CONFLUENT_FRAMED;
        }
        if (error instanceof UnknownSchemaIdException) {
            return ValidationRule.UNKNOWN_SCHEMA_ID;
        }
        if (error instanceof AvroTypeException
                || error instanceof IncompatibleWriterSchemaException) {
            return ValidationRule.WRITER_SCHEMA_UNRESOLVABLE;
        }
        return ValidationRule.BODY_CORRUPT;
    }

    /** What a reader of the dead letter should know about {@code rule}, before Avro's message. */
    static String describe(ValidationRule rule) {
        return switch (rule) {
            case NOT_SINGLE_OBJECT_ENCODED ->
                    "not Avro single-object encoded (wrong magic or version bytes)";
            case UNKNOWN_WRITER_SCHEMA ->
                    "unknown writer schema (a schema the job does not know, for example one"
                            + " lacking a required field; a compatible one is read once given in "
                            + PolygraphOptions.WRITER_SCHEMAS.key()
                            + ")";
            case NOT_CONFLUENT_FRAMED ->
                    "not in the Confluent wire format (magic byte 0 and a 4-byte schema id)";
            case UNKNOWN_SCHEMA_ID -> "the schema registry does not know the schema id";
            case WRITER_SCHEMA_UNRESOLVABLE ->
                    "writer schema cannot be resolved (a required field is missing or null)";
            default -> "truncated or corrupt body";
        };
    }
}
