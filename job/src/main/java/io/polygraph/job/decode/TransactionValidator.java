package io.polygraph.job.decode;

import static io.polygraph.job.decode.FieldChecks.firstOf;
import static io.polygraph.job.decode.FieldChecks.notBlank;

import io.polygraph.schema.Transaction;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of the transactions topic: ids present, key is the entity id, amount not negative,
 * event time not too far ahead of the wall clock, location on Earth.
 */
public final class TransactionValidator implements RecordValidator<Transaction> {
    private static final long serialVersionUID = 1L;

    private final Duration maxFutureSkew;

    /** A validator rejecting event times more than {@code maxFutureSkew} ahead of now. */
    public TransactionValidator(Duration maxFutureSkew) {
        this.maxFutureSkew = Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
    }

    @Override
    public Optional<Violation> validate(Transaction t, ValidationContext context) {
        return firstOf(
                () -> notBlank("transactionId", t.getTransactionId()),
                () -> notBlank("entityId", t.getEntityId()),
                () -> notBlank("merchantId", t.getMerchantId()),
                () -> notBlank("currency", t.getCurrency()),
                () -> FieldChecks.keyIsEntityId(context, t.getEntityId()),
                () ->
                        t.getAmountMinor() < 0
                                ? FieldChecks.violation(
                                        ValidationRule.AMOUNT_NEGATIVE, "amountMinor is negative")
                                : Optional.empty(),
                () ->
                        FieldChecks.notTooFarAhead(
                                "eventTime", t.getEventTime(), context, maxFutureSkew),
                () -> FieldChecks.validLocation("location", t.getLocation()));
    }
}
