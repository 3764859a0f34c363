package io.polygraph.job.decode;

import io.polygraph.schema.DeadLetter;
import io.polygraph.schema.RawRecord;
import java.io.IOException;
import java.time.Instant;

/**
 * Builds {@link DeadLetter}s: the rejected record's coordinates and original bytes, the error class
 * and a reason that carries no payload data.
 *
 * <p>The original value is kept as {@link DeadLetterValue} says: whole unless it is longer than the
 * dead-letter limit.
 */
final class DeadLetters {

    /** Longest reason kept; decoder messages can be long and are not meant for humans. */
    static final int MAX_REASON_LENGTH = 500;

    private DeadLetters() {}

    static DeadLetter of(
            RawRecord raw, String errorClass, String reason, Instant failedAt, int maxValueBytes) {
        DeadLetterValue value = DeadLetterValue.of(raw.getValue(), maxValueBytes);
        return DeadLetter.newBuilder()
                .setSourceTopic(raw.getTopic())
                .setPartition(raw.getPartition())
                .setOffset(raw.getOffset())
                .setOriginalKey(raw.getKey())
                .setOriginalValue(value.bytes())
                .setErrorClass(errorClass)
                .setReason(truncate(reason) + value.note())
                .setFailedAt(failedAt)
                .build();
    }

    /**
     * The error that says why decoding failed: the codecs wrap Avro's exceptions (bad header,
     * unknown schema, corrupt body) in a plain {@link IOException}.
     */
    static Throwable decodingError(IOException e) {
        return e.getClass() == IOException.class && e.getCause() != null ? e.getCause() : e;
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_REASON_LENGTH
                ? reason
                : reason.substring(0, MAX_REASON_LENGTH - 3) + "...";
    }
}
