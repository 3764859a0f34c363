package io.polygraph.job.decode;

import java.util.Objects;

/**
 * A broken validation rule and a human-readable reason.
 *
 * <p>The reason names fields and limits, never field values: dead letters and logs must not carry
 * payload data (it may be personal data).
 *
 * @param rule the rule that was broken
 * @param reason what is wrong, without payload data
 */
public record Violation(ValidationRule rule, String reason) {

    public Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }
}
