package io.polygraph.job.join;

import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

/**
 * The keyed state of the join, one descriptor per piece, all Avro- or String-typed so that Flink
 * never falls back to Kryo and the state schema can evolve with the Avro schemas.
 *
 * <p>State names are part of savepoints: do not rename them. Descriptors are created per call
 * because a descriptor lazily initialises its serializer and must not be shared between tasks.
 */
final class EntityJoinState {

    private EntityJoinState() {}

    /** The entity's latest profile (latest {@code updatedAt} wins). */
    static ValueStateDescriptor<CustomerProfile> profile() {
        return new ValueStateDescriptor<>("profile", new AvroTypeInfo<>(CustomerProfile.class));
    }

    /** The entity's latest enrolment signature (latest {@code capturedAt} wins). */
    static ValueStateDescriptor<SignatureImage> enrolmentSignature() {
        return new ValueStateDescriptor<>(
                "enrolment-signature", new AvroTypeInfo<>(SignatureImage.class));
    }

    /** The entity's last transactions, oldest first, bounded. */
    static ListStateDescriptor<Transaction> recentTransactions() {
        return new ListStateDescriptor<>(
                "recent-transactions", new AvroTypeInfo<>(Transaction.class));
    }

    /** Transactions waiting for a profile or a presented signature, by transaction id. */
    static MapStateDescriptor<String, Transaction> waitingTransactions() {
        return new MapStateDescriptor<>(
                "waiting-transactions", Types.STRING, new AvroTypeInfo<>(Transaction.class));
    }

    /**
     * The entity's last activity on the join's event-time clock (epoch millis): the latest {@code
     * max(event time, watermark)} of the records it applied. Its expiry timer is derived from it.
     */
    static ValueStateDescriptor<Long> lastActivity() {
        return new ValueStateDescriptor<>("last-activity", Types.LONG);
    }

    /** Presented signatures not yet joined with their transaction, by transaction id. */
    static MapStateDescriptor<String, SignatureImage> presentedSignatures() {
        return new MapStateDescriptor<>(
                "presented-signatures", Types.STRING, new AvroTypeInfo<>(SignatureImage.class));
    }
}
