package io.polygraph.job.decode;

import java.time.Instant;
import java.util.Objects;

/**
 * What a validator may know about a record besides its value.
 *
 * @param key the record's Kafka key decoded as UTF-8, or null when the record has no key
 * @param now the wall-clock time of the check (Flink processing time, so tests can set it)
 */
public record ValidationContext(String key, Instant now) {

    public ValidationContext {
        Objects.requireNonNull(now, "now");
    }
}
