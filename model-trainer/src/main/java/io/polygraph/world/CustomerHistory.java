package io.polygraph.world;

import io.polygraph.schema.AnomalyLabel;
import io.polygraph.schema.AnomalyType;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.SignaturePurpose;
import io.polygraph.schema.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates one customer's transactions over the world's span, each with its label and, when a
 * signature was captured, the signature presented with it.
 *
 * <p>Each transaction draws from a stream of its own slot, so its content does not depend on its
 * neighbours. Transaction ids count the customer's transactions in time order, so they are unique
 * and deterministic: {@code tx-cust-000123-00042}.
 */
final class CustomerHistory {

    /**
     * One transaction of the customer.
     *
     * @param transaction the transaction
     * @param label its ground truth
     * @param presented the signature presented with it, or null
     */
    record Entry(Transaction transaction, AnomalyLabel label, SignatureImage presented) {}

    private final WorldConfig config;
    private final TransactionSampler sampler;
    private final AnomalyInjector injector;
    private final SignatureStudio studio;

    CustomerHistory(WorldConfig config, SignatureStudio studio) {
        this.config = config;
        this.sampler = new TransactionSampler(config);
        this.injector = new AnomalyInjector(config);
        this.studio = studio;
    }

    List<Entry> generate(Customer customer) {
        SplittableRandom timeline = RandomStreams.of(config.seed(), "timeline", customer.index());
        List<AnomalyInjector.Plan> plans =
                injector.plan(customer, TransactionTimeline.draw(config, customer, timeline));
        double mismatch = injector.signatureMismatchProbability(plans.size());
        List<Entry> entries = new ArrayList<>(plans.size());
        for (int k = 0; k < plans.size(); k++) {
            AnomalyInjector.Plan plan = plans.get(k);
            SplittableRandom random =
                    RandomStreams.of(config.seed(), "transaction", customer.index(), plan.slot());
            Transaction ordinary = sampler.normal(customer, plan.time(), random);
            Transaction transaction = AnomalyInjector.apply(plan, customer, ordinary, random);
            transaction.setTransactionId(String.format("tx-%s-%05d", customer.entityId(), k));
            entries.add(entry(customer, transaction, plan, k, mismatch));
        }
        return entries;
    }

    private Entry entry(
            Customer customer,
            Transaction transaction,
            AnomalyInjector.Plan plan,
            int position,
            double mismatchProbability) {
        AnomalyType type = plan.type();
        String detail =
                switch (type) {
                    case BEHAVIOUR_PROFILE_MISMATCH -> plan.contrast().detail();
                    case OUTLIER -> plan.outlier().detail();
                    case NORMAL, SIGNATURE_MISMATCH -> "";
                };
        SignatureImage presented = null;
        if (transaction.getSignatureCaptured()) {
            SplittableRandom random =
                    RandomStreams.of(config.seed(), "signature", customer.index(), plan.slot());
            boolean mismatch =
                    type == AnomalyType.NORMAL
                            && position >= AnomalyInjector.CLEAN_PREFIX
                            && random.nextDouble() < mismatchProbability;
            if (mismatch) {
                type = AnomalyType.SIGNATURE_MISMATCH;
                detail = random.nextBoolean() ? "forgery" : "other-writer";
            }
            presented = presented(customer, transaction, mismatch ? detail : "genuine", random);
        }
        AnomalyLabel label =
                AnomalyLabel.newBuilder()
                        .setTransactionId(transaction.getTransactionId())
                        .setEntityId(customer.entityId())
                        .setType(type)
                        .setDetail(detail)
                        .build();
        return new Entry(transaction, label, presented);
    }

    /** The signature given with the transaction: the holder's own, a forgery or someone else's. */
    private SignatureImage presented(
            Customer customer, Transaction transaction, String kind, SplittableRandom random) {
        SignatureBitmap bitmap =
                switch (kind) {
                    case "forgery" -> studio.forgery(customer.index(), random);
                    case "other-writer" -> studio.otherWriter(customer.index(), random);
                    default -> studio.genuine(customer.index(), random);
                };
        // The pad captures the signature just before the payment is authorised.
        Instant capturedAt = transaction.getEventTime().minusMillis(200 + random.nextInt(700));
        return bitmap.toAvro(
                customer.entityId(),
                capturedAt,
                SignaturePurpose.PRESENTED,
                transaction.getTransactionId());
    }
}
