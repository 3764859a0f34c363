package io.polygraph.job.decode;

import static io.polygraph.job.decode.FieldChecks.firstOf;
import static io.polygraph.job.decode.FieldChecks.notBlank;

import io.polygraph.schema.CustomerProfile;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of the profiles topic: entity id present, key is the entity id, a plausible birth year,
 * update time not too far ahead of the wall clock, home location on Earth.
 */
public final class ProfileValidator implements RecordValidator<CustomerProfile> {
    private static final long serialVersionUID = 1L;

    /** Earliest birth year accepted; nobody born before it still opens accounts. */
    static final int EARLIEST_BIRTH_YEAR = 1900;

    private final Duration maxFutureSkew;

    /** A validator rejecting update times more than {@code maxFutureSkew} ahead of now. */
    public ProfileValidator(Duration maxFutureSkew) {
        this.maxFutureSkew = Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
    }

    @Override
    public Optional<Violation> validate(CustomerProfile p, ValidationContext context) {
        return firstOf(
                () -> notBlank("entityId", p.getEntityId()),
                () -> FieldChecks.keyIsEntityId(context, p.getEntityId()),
                () -> plausibleBirthYear(p.getBirthYear(), context),
                () ->
                        FieldChecks.notTooFarAhead(
                                "updatedAt", p.getUpdatedAt(), context, maxFutureSkew),
                () -> FieldChecks.validLocation("homeLocation", p.getHomeLocation()));
    }

    private static Optional<Violation> plausibleBirthYear(
            int birthYear, ValidationContext context) {
        int currentYear = context.now().atZone(ZoneOffset.UTC).getYear();
        return birthYear < EARLIEST_BIRTH_YEAR || birthYear > currentYear
                ? FieldChecks.violation(
                        ValidationRule.BIRTH_YEAR_IMPLAUSIBLE,
                        "birthYear outside [" + EARLIEST_BIRTH_YEAR + ", current year]")
                : Optional.empty();
    }
}
