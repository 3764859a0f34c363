package io.polygraph.job.decode;

import io.polygraph.schema.Location;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The checks the validators of all three topics share, each returning the violation it finds.
 *
 * <p>Reasons name the field and the limit, never the value (see {@link Violation}).
 */
final class FieldChecks {

    private FieldChecks() {}

    /** The first violation among {@code checks}, evaluated in order and lazily. */
    @SafeVarargs
    static Optional<Violation> firstOf(Supplier<Optional<Violation>>... checks) {
        for (Supplier<Optional<Violation>> check : checks) {
            Optional<Violation> violation = check.get();
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    static Optional<Violation> notBlank(String field, String value) {
        return value == null || value.isBlank()
                ? violation(ValidationRule.REQUIRED_FIELD_BLANK, field + " is blank")
                : Optional.empty();
    }

    /** A record with a key must be keyed by its entity id, or its partition is wrong. */
    static Optional<Violation> keyIsEntityId(ValidationContext context, String entityId) {
        return context.key() == null || context.key().equals(entityId)
                ? Optional.empty()
                : violation(ValidationRule.KEY_NOT_ENTITY_ID, "Kafka key is not the entityId");
    }

    /** Event times far in the future would drag the watermark ahead of every other record. */
    static Optional<Violation> notTooFarAhead(
            String field, Instant eventTime, ValidationContext context, Duration maxSkew) {
        return eventTime.isAfter(context.now().plus(maxSkew))
                ? violation(
                        ValidationRule.EVENT_TIME_IN_FUTURE,
                        field + " is more than " + maxSkew + " ahead of the wall clock")
                : Optional.empty();
    }

    static Optional<Violation> validLocation(String field, Location location) {
        // Written so that NaN fails too: every comparison with NaN is false.
        boolean valid =
                location.getLatitude() >= -90.0
                        && location.getLatitude() <= 90.0
                        && location.getLongitude() >= -180.0
                        && location.getLongitude() <= 180.0;
        return valid
                ? Optional.empty()
                : violation(
                        ValidationRule.COORDINATES_OUT_OF_RANGE,
                        field + " latitude/longitude outside [-90, 90] / [-180, 180]");
    }

    static Optional<Violation> violation(ValidationRule rule, String reason) {
        return Optional.of(new Violation(rule, reason));
    }
}
