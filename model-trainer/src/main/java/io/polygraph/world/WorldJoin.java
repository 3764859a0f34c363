package io.polygraph.world;

import io.polygraph.detector.MultimodalRecord;
import io.polygraph.schema.AnomalyLabel;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.SignaturePurpose;
import io.polygraph.schema.Transaction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Joins a world's records per transaction the way the streaming job does, and attaches the ground
 * truth: the trainer's view of a world.
 *
 * <p>The world is replayed in publishing order ({@link World#eventsInTimeOrder()}), keeping per
 * entity what the job keeps in keyed state: the latest profile (so a transaction sees the version
 * with the latest {@code updatedAt} not after its own time), the enrolment signature, the last
 * {@code recentLimit} transactions, and presented signatures waiting for their transaction. The
 * result therefore matches what the job would score, provided its join sees the same order; the job
 * may see less (late or missing records), never more.
 */
public final class WorldJoin {

    /**
     * A joined transaction with its label.
     *
     * @param record the transaction with what was known of its entity at that moment
     * @param label the ground truth of the transaction
     */
    public record LabelledRecord(MultimodalRecord record, AnomalyLabel label) {
        public LabelledRecord {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(label, "label");
        }
    }

    private WorldJoin() {}

    /**
     * One labelled record per transaction of the world, in event-time order.
     *
     * @param recentLimit how many previous transactions of the entity to attach, at least 0
     */
    public static List<LabelledRecord> join(World world, int recentLimit) {
        if (recentLimit < 0) {
            throw new IllegalArgumentException("recentLimit must be >= 0, was " + recentLimit);
        }
        Map<String, AnomalyLabel> labels = world.labelsByTransactionId();
        Map<String, EntityState> states = new HashMap<>();
        List<LabelledRecord> joined = new ArrayList<>(world.transactions().size());
        for (WorldEvent event : world.eventsInTimeOrder()) {
            EntityState state = states.computeIfAbsent(event.entityId(), id -> new EntityState());
            switch (event.kind()) {
                case PROFILE -> state.accept((CustomerProfile) event.record());
                case SIGNATURE -> state.accept((SignatureImage) event.record());
                case TRANSACTION -> {
                    Transaction transaction = (Transaction) event.record();
                    MultimodalRecord record = state.join(transaction, recentLimit);
                    joined.add(
                            new LabelledRecord(record, labels.get(transaction.getTransactionId())));
                }
            }
        }
        return joined;
    }

    /** What the job keeps per entity. */
    private static final class EntityState {
        private CustomerProfile profile;
        private SignatureImage enrolment;
        private final Deque<Transaction> recent = new ArrayDeque<>();
        private final Map<String, SignatureImage> presented = new HashMap<>();

        void accept(CustomerProfile candidate) {
            if (profile == null || !candidate.getUpdatedAt().isBefore(profile.getUpdatedAt())) {
                profile = candidate;
            }
        }

        void accept(SignatureImage signature) {
            if (signature.getPurpose() == SignaturePurpose.ENROLMENT) {
                enrolment = signature;
            } else if (signature.getTransactionId() != null) {
                presented.put(signature.getTransactionId(), signature);
            }
        }

        MultimodalRecord join(Transaction transaction, int recentLimit) {
            MultimodalRecord record =
                    new MultimodalRecord(
                            transaction,
                            List.copyOf(recent),
                            profile,
                            enrolment,
                            presented.remove(transaction.getTransactionId()));
            if (recentLimit > 0) {
                recent.addLast(transaction);
                while (recent.size() > recentLimit) {
                    recent.removeFirst();
                }
            }
            return record;
        }
    }
}
