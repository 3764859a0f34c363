package io.polygraph.job.decode;

/**
 * The rules an input record can break. A dead letter for a broken validation rule carries the
 * rule's name as its {@code errorClass}, so that dead letters can be counted and searched by rule;
 * one that cannot be decoded carries the decoder's exception class instead (more precise for
 * whoever debugs the producer), and the decoding rules here classify it for the per-rule counters
 * of {@link DecodeAndValidate}.
 */
public enum ValidationRule {
    /** The record has no value (a tombstone). */
    VALUE_MISSING,
    /** The record's value is larger than allowed; it is not decoded. */
    RECORD_TOO_LARGE,
    /** The value does not start with an Avro single-object header (marker and version). */
    NOT_SINGLE_OBJECT_ENCODED,
    /** The header names a writer schema fingerprint the job does not know. */
    UNKNOWN_WRITER_SCHEMA,
    /**
     * The writer schema is known but cannot be resolved to the reader's: a required field is
     * missing or null.
     */
    WRITER_SCHEMA_UNRESOLVABLE,
    /** The value does not start with the Confluent framing (magic byte 0, 4-byte schema id). */
    NOT_CONFLUENT_FRAMED,
    /** The Confluent framing names a schema id the schema registry does not know. */
    UNKNOWN_SCHEMA_ID,
    /** The header is valid but the body is truncated or corrupt. */
    BODY_CORRUPT,
    /** A required id or code is blank. */
    REQUIRED_FIELD_BLANK,
    /** The Kafka key is not the record's entity id. */
    KEY_NOT_ENTITY_ID,
    /** An amount is negative. */
    AMOUNT_NEGATIVE,
    /** An event time lies further ahead of the wall clock than allowed. */
    EVENT_TIME_IN_FUTURE,
    /** A latitude or longitude is outside its range (or not a number). */
    COORDINATES_OUT_OF_RANGE,
    /** A birth year is before 1900 or after the current year. */
    BIRTH_YEAR_IMPLAUSIBLE,
    /** A presented signature does not name its transaction. */
    SIGNATURE_TRANSACTION_MISSING,
    /** A signature image has no bytes. */
    IMAGE_EMPTY,
    /** A signature image is larger than allowed. */
    IMAGE_TOO_LARGE,
    /** A signature image cannot be decoded. */
    IMAGE_UNREADABLE,
    /** A signature's declared width or height is not positive or differs from the image's. */
    IMAGE_DIMENSIONS_INVALID,
    /** A model announcement lacks its location or version, or its SHA-256 is not hex. */
    ANNOUNCEMENT_INVALID,
    /** The validator itself failed on the record. */
    VALIDATOR_FAILED
}
