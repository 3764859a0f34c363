package io.polygraph.job.decode;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.schema.Location;
import io.polygraph.schema.Transaction;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransactionValidatorTest {

    private static final ValidationContext NOW = new ValidationContext("e", T0);
    private final TransactionValidator validator = new TransactionValidator(Duration.ofDays(1));

    @Test
    void validTransactionPasses() {
        assertThat(validator.validate(valid().build(), NOW)).isEmpty();
        assertThat(validator.validate(valid().build(), new ValidationContext(null, T0)))
                .as("records without a key are accepted")
                .isEmpty();
    }

    @Test
    void blankIdsAreRejected() {
        assertThat(ruleOf(valid().setTransactionId(" ").build()))
                .contains(ValidationRule.REQUIRED_FIELD_BLANK);
        assertThat(ruleOf(valid().setMerchantId("").build()))
                .contains(ValidationRule.REQUIRED_FIELD_BLANK);
    }

    @Test
    void negativeAmountIsRejectedAndZeroAccepted() {
        assertThat(ruleOf(valid().setAmountMinor(-5).build()))
                .contains(ValidationRule.AMOUNT_NEGATIVE);
        assertThat(ruleOf(valid().setAmountMinor(0).build())).isEmpty();
    }

    @Test
    void eventTimeBeyondTheSkewIsRejectedAndWithinItAccepted() {
        assertThat(ruleOf(valid().setEventTime(T0.plus(Duration.ofHours(25))).build()))
                .contains(ValidationRule.EVENT_TIME_IN_FUTURE);
        assertThat(ruleOf(valid().setEventTime(T0.plus(Duration.ofHours(23))).build())).isEmpty();
    }

    @Test
    void impossibleCoordinatesAreRejected() {
        assertThat(ruleOf(valid().setLocation(new Location("DE", "BE", Double.NaN, 13.4)).build()))
                .contains(ValidationRule.COORDINATES_OUT_OF_RANGE);
        assertThat(ruleOf(valid().setLocation(new Location("DE", "BE", 52.5, 181.0)).build()))
                .contains(ValidationRule.COORDINATES_OUT_OF_RANGE);
    }

    @Test
    void keyOfAnotherEntityIsRejected() {
        assertThat(validator.validate(valid().build(), new ValidationContext("other", T0)))
                .map(Violation::rule)
                .contains(ValidationRule.KEY_NOT_ENTITY_ID);
    }

    private static Transaction.Builder valid() {
        return transaction("e", "tx-1", T0);
    }

    private Optional<ValidationRule> ruleOf(Transaction transaction) {
        return validator.validate(transaction, NOW).map(Violation::rule);
    }
}
