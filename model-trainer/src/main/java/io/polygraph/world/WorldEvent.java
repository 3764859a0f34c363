package io.polygraph.world;

import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * One record of the world as a publisher writes it: its event time, its key and the record.
 *
 * <p>Only the three input kinds the job reads are events; labels are not (they are ground truth and
 * travel apart).
 *
 * @param eventTimeMillis event time of the record, milliseconds since the epoch
 * @param entityId the record's entity, the Kafka key
 * @param record a {@link CustomerProfile}, {@link SignatureImage} or {@link Transaction}
 */
public record WorldEvent(long eventTimeMillis, String entityId, SpecificRecord record) {

    /** The input stream an event belongs to, in the order events of equal time are published. */
    public enum Kind {
        PROFILE,
        SIGNATURE,
        TRANSACTION
    }

    public WorldEvent {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(record, "record");
        kindOf(record);
    }

    /** The stream this event goes to. */
    public Kind kind() {
        return kindOf(record);
    }

    static WorldEvent of(CustomerProfile profile) {
        return new WorldEvent(
                profile.getUpdatedAt().toEpochMilli(), profile.getEntityId(), profile);
    }

    static WorldEvent of(SignatureImage signature) {
        return new WorldEvent(
                signature.getCapturedAt().toEpochMilli(), signature.getEntityId(), signature);
    }

    static WorldEvent of(Transaction transaction) {
        return new WorldEvent(
                transaction.getEventTime().toEpochMilli(), transaction.getEntityId(), transaction);
    }

    private static Kind kindOf(SpecificRecord record) {
        if (record instanceof CustomerProfile) {
            return Kind.PROFILE;
        }
        if (record instanceof SignatureImage) {
            return Kind.SIGNATURE;
        }
        if (record instanceof Transaction) {
            return Kind.TRANSACTION;
        }
        throw new IllegalArgumentException(
                "a world event holds a CustomerProfile, SignatureImage or Transaction, not "
                        + record.getClass().getName());
    }
}
