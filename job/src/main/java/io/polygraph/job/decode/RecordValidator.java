package io.polygraph.job.decode;

import java.io.Serializable;
import java.util.Optional;

/**
 * Checks a decoded record against the rules of its topic.
 *
 * <p>Returns the first broken rule rather than all of them: a dead letter needs one reason, and
 * stopping early keeps expensive checks (decoding an image) off records that already failed a cheap
 * one. Implementations are stateless and serializable (Flink ships them to the tasks).
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface RecordValidator<T> extends Serializable {

    /** The first rule {@code record} breaks, or empty when it is valid. */
    Optional<Violation> validate(T record, ValidationContext context);
}
