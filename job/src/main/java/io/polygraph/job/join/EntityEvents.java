package io.polygraph.job.join;

import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.EntityEvent;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;

/**
 * Wraps each kind of input record into an {@link EntityEvent} carrying its entity id and event
 * time, so that the three input streams can be unioned and keyed by entity for the join.
 *
 * <p>The event time of a transaction is when it happened, of a profile when it took effect, of a
 * signature when it was captured.
 */
public final class EntityEvents {

    private EntityEvents() {}

    public static EntityEvent of(Transaction transaction) {
        return new EntityEvent(transaction.getEntityId(), transaction.getEventTime(), transaction);
    }

    public static EntityEvent of(CustomerProfile profile) {
        return new EntityEvent(profile.getEntityId(), profile.getUpdatedAt(), profile);
    }

    public static EntityEvent of(SignatureImage signature) {
        return new EntityEvent(signature.getEntityId(), signature.getCapturedAt(), signature);
    }
}
