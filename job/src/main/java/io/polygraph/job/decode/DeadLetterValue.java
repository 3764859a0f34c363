package io.polygraph.job.decode;

import java.nio.ByteBuffer;

/**
 * The original value a dead letter keeps: whole, or only its first bytes when it is longer than the
 * dead-letter limit, because a dead letter Kafka refuses would fail the job ({@link DecodeLimits}).
 * The note, added to the reason, says when and how much was cut.
 *
 * @param bytes the bytes to keep, from the value's position; null when the record had no value
 * @param note empty, or {@code " [originalValue cut to its first N of M bytes]"}
 */
public record DeadLetterValue(ByteBuffer bytes, String note) {

    /** What a dead letter keeps of {@code value} (possibly null) with at most {@code maxBytes}. */
    public static DeadLetterValue of(ByteBuffer value, int maxBytes) {
        if (value == null || value.remaining() <= maxBytes) {
            return new DeadLetterValue(value, "");
        }
        return new DeadLetterValue(
                value.duplicate().limit(value.position() + maxBytes).slice(),
                " [originalValue cut to its first "
                        + maxBytes
                        + " of "
                        + value.remaining()
                        + " bytes]");
    }
}
