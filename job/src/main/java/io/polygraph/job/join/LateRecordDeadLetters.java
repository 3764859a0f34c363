package io.polygraph.job.join;

import io.polygraph.job.decode.DeadLetterValue;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.DeadLetter;
import io.polygraph.schema.EntityEvent;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.Topic;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Turns a {@link LateRecord} into a {@link DeadLetter} for the dead-letter topic, so that a late
 * transaction or presented signature is kept, replayable, next to the records that failed decoding.
 *
 * <p>The join no longer knows a record's Kafka coordinates (entity events do not carry them), so
 * the dead letter says so instead of inventing them: partition and offset are {@value
 * #UNKNOWN_COORDINATE}, the key is the entity id (the key of every input topic) and the value is
 * the record re-encoded with its topic's codec, which the job's decoder reads back. The value is
 * cut, and the reason says so, beyond the dead-letter size limit, as for decoding failures. The
 * reason names the kind, the ids, the event time, the watermark and the lateness; never payload
 * fields.
 */
public final class LateRecordDeadLetters implements MapFunction<LateRecord, DeadLetter> {
    private static final long serialVersionUID = 1L;

    /** Partition and offset of a dead letter whose record's coordinates are not known. */
    public static final int UNKNOWN_COORDINATE = -1;

    private final Topic<Transaction> transactions;
    private final Topic<CustomerProfile> profiles;
    private final Topic<SignatureImage> signatures;
    private final int maxValueBytes;

    /**
     * A mapper for late records read from these topics.
     *
     * @param maxValueBytes longest value kept (see {@code polygraph.dead-letter.max-value-size})
     */
    public LateRecordDeadLetters(
            Topic<Transaction> transactions,
            Topic<CustomerProfile> profiles,
            Topic<SignatureImage> signatures,
            int maxValueBytes) {
        if (maxValueBytes < 1) {
            throw new IllegalArgumentException("maxValueBytes must be at least 1");
        }
        this.transactions = transactions;
        this.profiles = profiles;
        this.signatures = signatures;
        this.maxValueBytes = maxValueBytes;
    }

    @Override
    public DeadLetter map(LateRecord late) {
        EntityEvent event = late.event;
        LateRecordKind kind = LateRecordKind.of(event);
        Object payload = event.getPayload();
        String sourceTopic;
        byte[] value;
        String transactionId = null;
        if (payload instanceof Transaction t) {
            sourceTopic = transactions.name();
            value = transactions.codec().encode(t);
            transactionId = t.getTransactionId();
        } else if (payload instanceof SignatureImage s) {
            sourceTopic = signatures.name();
            value = signatures.codec().encode(s);
            transactionId = s.getTransactionId();
        } else {
            sourceTopic = profiles.name();
            value = profiles.codec().encode((CustomerProfile) payload);
        }
        DeadLetterValue kept = DeadLetterValue.of(ByteBuffer.wrap(value), maxValueBytes);
        return DeadLetter.newBuilder()
                .setSourceTopic(sourceTopic)
                .setPartition(UNKNOWN_COORDINATE)
                .setOffset(UNKNOWN_COORDINATE)
                .setOriginalKey(
                        ByteBuffer.wrap(event.getEntityId().getBytes(StandardCharsets.UTF_8)))
                .setOriginalValue(kept.bytes())
                .setErrorClass(kind.errorClass())
                .setReason(reasonOf(late, kind, transactionId) + kept.note())
                .setFailedAt(Instant.now())
                .build();
    }

    private static String reasonOf(LateRecord late, LateRecordKind kind, String transactionId) {
        EntityEvent event = late.event;
        return "late: event time "
                + event.getEventTime()
                + " behind watermark "
                + Instant.ofEpochMilli(late.watermark)
                + " by "
                + Duration.ofMillis(late.latenessMillis())
                + " ("
                + kind.metricName()
                + " of entity "
                + event.getEntityId()
                + (transactionId == null ? "" : ", transaction " + transactionId)
                + "; re-encoded by the join, Kafka coordinates unknown)";
    }
}
