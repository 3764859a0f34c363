package io.polygraph.topic.confluent;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The schema registry could not be reached or failed (connection refused, timeout, HTTP 5xx or 429)
 * after the client's retries.
 *
 * <p>Unchecked on purpose: this is an infrastructure failure, not bad data, so it must not be
 * caught with the {@link IOException}s that send a record to the dead letters. It fails the task,
 * and Flink restarts the job from its last checkpoint, which re-reads the records from there: a
 * valid record is never dead-lettered because the registry was down.
 */
public final class SchemaRegistryUnavailableException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    public SchemaRegistryUnavailableException(String message, IOException cause) {
        super(message, cause);
    }
}
