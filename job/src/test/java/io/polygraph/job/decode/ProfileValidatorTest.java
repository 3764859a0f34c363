package io.polygraph.job.decode;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.profile;
import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.Location;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileValidatorTest {

    private static final ValidationContext NOW = new ValidationContext("e", T0);
    private final ProfileValidator validator = new ProfileValidator(Duration.ofDays(1));

    @Test
    void validProfilePasses() {
        assertThat(ruleOf(profile("e", T0).build())).isEmpty();
    }

    @Test
    void implausibleBirthYearsAreRejected() {
        assertThat(ruleOf(profile("e", T0).setBirthYear(1850).build()))
                .contains(ValidationRule.BIRTH_YEAR_IMPLAUSIBLE);
        assertThat(ruleOf(profile("e", T0).setBirthYear(2030).build()))
                .as("born after the current year (%s)", T0)
                .contains(ValidationRule.BIRTH_YEAR_IMPLAUSIBLE);
    }

    @Test
    void blankEntityIdAndBadHomeLocationAreRejected() {
        assertThat(ruleOf(profile(" ", T0).build())).contains(ValidationRule.REQUIRED_FIELD_BLANK);
        assertThat(
                        ruleOf(
                                profile("e", T0)
                                        .setHomeLocation(new Location("DE", "BE", 95.0, 0.0))
                                        .build()))
                .contains(ValidationRule.COORDINATES_OUT_OF_RANGE);
    }

    @Test
    void updateFarInTheFutureIsRejected() {
        assertThat(ruleOf(profile("e", T0.plus(Duration.ofDays(2))).build()))
                .contains(ValidationRule.EVENT_TIME_IN_FUTURE);
    }

    private Optional<ValidationRule> ruleOf(CustomerProfile profile) {
        return validator.validate(profile, NOW).map(Violation::rule);
    }
}
