package io.polygraph.job.decode;

import io.polygraph.schema.DeadLetter;
import io.polygraph.schema.RawRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * Builds {@link DeadLetter}s: the rejected record's coordinates and original bytes, the error class
 * and a reason that carries no payload data.
 *
 * <p>The original value is kept whole unless it is longer than the dead-letter limit; then only its
 * first bytes are kept and the reason says so, because a dead letter Kafka refuses would fail the
 * job (see {@link DecodeLimits}).
 */
final class DeadLetters {

    /** Longest reason kept; decoder messages can be long and are not meant for humans. */
    static final int MAX_REASON_LENGTH = 500;

    private DeadLetters() {}

    static DeadLetter of(
            RawRecord raw, String errorClass, String reason, Instant failedAt, int maxValueBytes) {
        ByteBuffer value = raw.getValue();
        String fullReason = truncate(reason);
        if (value != null && value.remaining() > maxValueBytes) {
            fullReason +=
                    " [originalValue cut to its first "
                            + maxValueBytes
                            + " of "
                            + value.remaining()
                            + " bytes]";
            value = value.duplicate().limit(value.position() + maxValueBytes).slice();
        }
        return DeadLetter.newBuilder()
                .setSourceTopic(raw.getTopic())
                .setPartition(raw.getPartition())
                .setOffset(raw.getOffset())
                .setOriginalKey(raw.getKey())
                .setOriginalValue(value)
                .setErrorClass(errorClass)
                .setReason(fullReason)
                .setFailedAt(failedAt)
                .build();
    }

    /**
     * The error that says why decoding failed: {@code AvroCodec} wraps Avro's runtime exceptions
     * (bad header, unknown schema, corrupt body) in a plain {@link IOException}.
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
