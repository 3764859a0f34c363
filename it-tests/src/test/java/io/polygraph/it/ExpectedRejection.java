package io.polygraph.it;

import io.polygraph.deploy.world.BadRecords.Damage;

/**
 * What the job must say about each kind of damaged record: the rule its dead-letter counter is
 * named after and a fragment its dead letter's reason must contain.
 *
 * <p>A record written with a writer schema that lacks a required field, or allows null in one, has
 * a fingerprint the job does not know (the job registers no writer schema besides its own), so it
 * is an unknown writer schema; with that schema registered Avro would report the field instead (see
 * {@code DecodeAndValidateTest}).
 *
 * @param rule the {@code ValidationRule} name of the dead-letter counter
 * @param reasonFragment text the reason must contain
 */
record ExpectedRejection(String rule, String reasonFragment) {

    /**
     * Whether the record failed to decode: its dead letter then names the decoder's exception
     * class, and only the counter names the rule.
     */
    boolean undecodable() {
        return rule.equals("NOT_SINGLE_OBJECT_ENCODED")
                || rule.equals("BODY_CORRUPT")
                || rule.equals("UNKNOWN_WRITER_SCHEMA");
    }

    static ExpectedRejection of(Damage damage) {
        return switch (damage) {
            case RANDOM_BYTES, WRONG_MAGIC ->
                    new ExpectedRejection("NOT_SINGLE_OBJECT_ENCODED", "single-object encoded");
            case TRUNCATED -> new ExpectedRejection("BODY_CORRUPT", "truncated or corrupt body");
            case UNKNOWN_SCHEMA, MISSING_REQUIRED_FIELD, NULL_REQUIRED_FIELD ->
                    new ExpectedRejection("UNKNOWN_WRITER_SCHEMA", "unknown writer schema");
            case NEGATIVE_AMOUNT ->
                    new ExpectedRejection("AMOUNT_NEGATIVE", "amountMinor is negative");
            case NAN_COORDINATES ->
                    new ExpectedRejection("COORDINATES_OUT_OF_RANGE", "location latitude");
            case FUTURE_EVENT_TIME ->
                    new ExpectedRejection("EVENT_TIME_IN_FUTURE", "eventTime is more than");
            case BLANK_ENTITY -> new ExpectedRejection("REQUIRED_FIELD_BLANK", "entityId is blank");
            case UNDECODABLE_IMAGE -> new ExpectedRejection("IMAGE_UNREADABLE", "image");
            case OVERSIZED_IMAGE ->
                    new ExpectedRejection("IMAGE_TOO_LARGE", "imageBytes larger than");
            case OVERSIZED_RECORD ->
                    new ExpectedRejection("RECORD_TOO_LARGE", "originalValue cut to its first");
        };
    }
}
