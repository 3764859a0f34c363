package io.polygraph.world;

import io.polygraph.schema.AnomalyLabel;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A generated synthetic world: customers' profiles, their signatures and transactions, and the
 * ground truth about which transactions are anomalous.
 *
 * <p>Contract: {@code transactions} are sorted by event time; {@code labels} hold exactly one label
 * per transaction, in the same order; {@code profiles} hold every version of every customer's
 * profile (the first version of each customer dated before the world's start, later KYC updates
 * inside it), sorted by {@code updatedAt}; {@code enrolmentSignatures} hold one reference signature
 * per customer; {@code presentedSignatures} one per signature-capturing transaction, sorted by
 * capture time. The lists are unmodifiable; the Avro records in them are mutable objects and must
 * not be changed by callers.
 *
 * @param config the configuration the world was generated from
 * @param profiles every version of every customer profile
 * @param enrolmentSignatures one reference signature per customer
 * @param transactions all transactions, by event time
 * @param presentedSignatures signatures given with transactions, by capture time
 * @param labels the ground truth, one per transaction, in transaction order
 */
public record World(
        WorldConfig config,
        List<CustomerProfile> profiles,
        List<SignatureImage> enrolmentSignatures,
        List<Transaction> transactions,
        List<SignatureImage> presentedSignatures,
        List<AnomalyLabel> labels) {

    private static final Comparator<WorldEvent> PUBLISH_ORDER =
            Comparator.comparingLong(WorldEvent::eventTimeMillis)
                    .thenComparing(WorldEvent::kind)
                    .thenComparing(WorldEvent::entityId);

    public World {
        Objects.requireNonNull(config, "config");
        profiles = List.copyOf(profiles);
        enrolmentSignatures = List.copyOf(enrolmentSignatures);
        transactions = List.copyOf(transactions);
        presentedSignatures = List.copyOf(presentedSignatures);
        labels = List.copyOf(labels);
        requireOneLabelPerTransaction(transactions, labels);
    }

    /**
     * The world as a publisher writes it: all profile versions, signatures and transactions merged
     * by event time. Profiles and enrolment signatures come first because they are dated before the
     * world's start; a presented signature comes a few hundred milliseconds before its transaction.
     * Ties are broken by kind (profile, signature, transaction), then entity, so the order is
     * deterministic.
     */
    public List<WorldEvent> eventsInTimeOrder() {
        List<WorldEvent> events =
                new ArrayList<>(
                        profiles.size()
                                + enrolmentSignatures.size()
                                + transactions.size()
                                + presentedSignatures.size());
        profiles.forEach(profile -> events.add(WorldEvent.of(profile)));
        enrolmentSignatures.forEach(signature -> events.add(WorldEvent.of(signature)));
        presentedSignatures.forEach(signature -> events.add(WorldEvent.of(signature)));
        transactions.forEach(transaction -> events.add(WorldEvent.of(transaction)));
        // List.sort is stable: remaining ties keep the insertion order above.
        events.sort(PUBLISH_ORDER);
        return events;
    }

    /** The labels keyed by transaction id, in transaction order. */
    public Map<String, AnomalyLabel> labelsByTransactionId() {
        Map<String, AnomalyLabel> byId = new LinkedHashMap<>();
        labels.forEach(label -> byId.put(label.getTransactionId(), label));
        return byId;
    }

    private static void requireOneLabelPerTransaction(
            List<Transaction> transactions, List<AnomalyLabel> labels) {
        if (transactions.size() != labels.size()) {
            throw new IllegalArgumentException(
                    "a world needs exactly one label per transaction: "
                            + transactions.size()
                            + " transactions, "
                            + labels.size()
                            + " labels");
        }
        for (int i = 0; i < transactions.size(); i++) {
            String transactionId = transactions.get(i).getTransactionId();
            if (!transactionId.equals(labels.get(i).getTransactionId())) {
                throw new IllegalArgumentException(
                        "label "
                                + i
                                + " is for transaction "
                                + labels.get(i).getTransactionId()
                                + ", expected "
                                + transactionId);
            }
        }
    }
}
