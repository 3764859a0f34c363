package io.polygraph.job.decode;

import java.io.Serializable;

/**
 * The size limits of {@link DecodeAndValidate}: the largest value it decodes and the longest prefix
 * of a rejected value a dead letter keeps.
 *
 * <p>The second limit exists so that every dead letter can be published: Kafka refuses messages
 * above the producer's {@code max.request.size} and the topic's {@code max.message.bytes} (1 MB by
 * default), and a dead letter it refused would fail the job on the record it was meant to park.
 *
 * @param maxRecordBytes values larger than this are dead-lettered without being decoded
 * @param maxDeadLetterValueBytes a dead letter keeps at most this many bytes of the value
 */
public record DecodeLimits(long maxRecordBytes, int maxDeadLetterValueBytes)
        implements Serializable {

    /** Kafka's default largest message: 1 MB. */
    private static final int KAFKA_DEFAULT_MAX_MESSAGE = 1024 * 1024;

    public DecodeLimits {
        if (maxRecordBytes < 1 || maxDeadLetterValueBytes < 1) {
            throw new IllegalArgumentException("size limits must be positive");
        }
    }

    /**
     * No limit on the record size, and dead letters cut to 768 KB (within Kafka's default 1 MB with
     * room for key and reason): for callers without settings, such as tests.
     */
    public static DecodeLimits noRecordLimit() {
        return new DecodeLimits(Long.MAX_VALUE, KAFKA_DEFAULT_MAX_MESSAGE * 3 / 4);
    }
}
