package io.polygraph.job.eventtime;

import io.polygraph.schema.RawRecord;
import io.polygraph.topic.TopicCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssigner;

/**
 * Reads a raw record's event time from its Avro payload, at the source, without decoding the rest
 * of the record.
 *
 * <p>Event time lives in the payload (a transaction's {@code eventTime}, a profile's {@code
 * updatedAt}, a signature's {@code capturedAt}), not in the Kafka record timestamp, which producers
 * need not set. Reading it in the source lets Flink keep watermarks per Kafka partition and measure
 * idleness on a clock that stops while the source is backpressured; a watermark assigned after
 * decoding has neither, and under backpressure it marked a slow input idle and ran ahead of it.
 *
 * <p>The payload is read through a projection: a reader schema with only the event-time field, so
 * Avro skips the other fields (the image bytes of a signature) instead of copying them. A record
 * whose time cannot be read, or lies more than the allowed skew ahead of the wall clock, gets
 * {@link TimestampAssigner#NO_TIMESTAMP}: it cannot move the watermark, and decoding downstream
 * sends it to the dead-letter topic with the reason. The one exception is a schema registry that
 * cannot be reached (Confluent wire format): its unchecked error fails the source, as it fails
 * decoding, instead of leaving valid records without a time.
 */
public final class PayloadEventTime implements SerializableTimestampAssigner<RawRecord> {
    private static final long serialVersionUID = 1L;

    private final TopicCodec<?> codec;
    private final String field;
    private final long maxFutureSkewMillis;
    private transient TopicCodec.ProjectionReader projection;

    /**
     * Reads {@code field}, a {@code timestamp-millis} field of {@code codec}'s record, and rejects
     * times more than {@code maxFutureSkew} ahead of the wall clock.
     *
     * @throws IllegalArgumentException when the record has no such field or it is not a long
     */
    public PayloadEventTime(TopicCodec<?> codec, String field, Duration maxFutureSkew) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.field = Objects.requireNonNull(field, "field");
        this.maxFutureSkewMillis = maxFutureSkew.toMillis();
        projectionSchema(codec.schema(), field);
    }

    @Override
    public long extractTimestamp(RawRecord record, long kafkaTimestamp) {
        ByteBuffer value = record.getValue();
        if (value == null) {
            return NO_TIMESTAMP;
        }
        long eventTime;
        try {
            eventTime = (Long) projection().read(value).get(0);
        } catch (IOException | AvroRuntimeException | ClassCastException e) {
            return NO_TIMESTAMP;
        }
        return eventTime > System.currentTimeMillis() + maxFutureSkewMillis
                ? NO_TIMESTAMP
                : eventTime;
    }

    private TopicCodec.ProjectionReader projection() {
        if (projection == null) {
            projection = codec.projection(projectionSchema(codec.schema(), field));
        }
        return projection;
    }

    /** The record {@code schema} cut down to {@code field}; same full name, so Avro resolves it. */
    private static Schema projectionSchema(Schema schema, String field) {
        Schema.Field timeField = schema.getField(field);
        if (timeField == null || timeField.schema().getType() != Schema.Type.LONG) {
            throw new IllegalArgumentException(
                    schema.getFullName() + " has no long field '" + field + "'");
        }
        return SchemaBuilder.record(schema.getName())
                .namespace(schema.getNamespace())
                .fields()
                .name(field)
                .type(timeField.schema())
                .noDefault()
                .endRecord();
    }
}
