package io.polygraph.world;

import io.polygraph.schema.AnomalyType;
import io.polygraph.schema.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides which of a customer's transactions are anomalous, and makes them so.
 *
 * <p>A customer's first {@value #CLEAN_PREFIX} transactions are always normal, so that a detector
 * has some history to judge by; the rates are raised for the remaining ones so that the shares hold
 * over the whole world. Behaviour anomalies only ever move later in time (into their recipe's hour
 * window), which keeps them out of that clean prefix.
 */
final class AnomalyInjector {

    /** How many of a customer's first transactions are never anomalous. */
    static final int CLEAN_PREFIX = 5;

    /**
     * What happens in one transaction slot.
     *
     * @param time when the transaction happens (moved into the recipe's window for a contrast)
     * @param slot the slot's position in the customer's original timeline; seeds its content
     * @param type NORMAL, BEHAVIOUR_PROFILE_MISMATCH or OUTLIER (signatures are decided later)
     * @param contrast the recipe of a behaviour anomaly, else null
     * @param outlier the recipe of an outlier, else null
     */
    record Plan(
            Instant time,
            int slot,
            AnomalyType type,
            ContrastRecipe contrast,
            OutlierRecipe outlier) {}

    private final WorldConfig config;

    AnomalyInjector(WorldConfig config) {
        this.config = config;
    }

    /** One plan per slot time, sorted by the (possibly moved) time. */
    List<Plan> plan(Customer customer, List<Instant> slots) {
        SplittableRandom random = RandomStreams.of(config.seed(), "anomaly", customer.index());
        double boost = eligibleBoost(slots.size());
        double outlier = Math.min(1.0, config.outlierRate() * boost);
        double behaviour = Math.min(1.0 - outlier, config.behaviourMismatchRate() * boost);
        List<Plan> plans = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            Instant time = slots.get(i);
            double u = random.nextDouble();
            if (i < CLEAN_PREFIX || u >= outlier + behaviour) {
                plans.add(new Plan(time, i, AnomalyType.NORMAL, null, null));
            } else if (u < outlier) {
                plans.add(new Plan(time, i, AnomalyType.OUTLIER, null, OutlierRecipe.pick(random)));
            } else {
                ContrastRecipe recipe = ContrastRecipe.pickFor(customer.persona(), random);
                Instant moved =
                        TransactionTimeline.nextWindow(
                                time, recipe.fromHour(), recipe.hours(), random);
                Instant at = moved.isBefore(config.end()) ? moved : time;
                plans.add(new Plan(at, i, AnomalyType.BEHAVIOUR_PROFILE_MISMATCH, recipe, null));
            }
        }
        // Stable: equal times keep their slot order.
        plans.sort((a, b) -> a.time().compareTo(b.time()));
        return plans;
    }

    /** Turns the customer's ordinary transaction for a slot into what the plan says. */
    static Transaction apply(
            Plan plan, Customer customer, Transaction ordinary, SplittableRandom random) {
        return switch (plan.type()) {
            case BEHAVIOUR_PROFILE_MISMATCH -> plan.contrast().make(customer, ordinary, random);
            case OUTLIER -> plan.outlier().make(customer, ordinary, random);
            case NORMAL, SIGNATURE_MISMATCH -> ordinary;
        };
    }

    /**
     * The probability that a signature-capturing normal transaction (past the clean prefix) gets a
     * signature that is not the holder's. Raised for the prefix and for the anomalies of other
     * kinds, which keep their genuine signature, so that the configured share holds over all
     * signature-capturing transactions.
     */
    double signatureMismatchProbability(int transactions) {
        double others = Math.min(0.9, config.outlierRate() + config.behaviourMismatchRate());
        return Math.min(
                1.0, config.signatureMismatchRate() * eligibleBoost(transactions) / (1 - others));
    }

    private static double eligibleBoost(int transactions) {
        return transactions > CLEAN_PREFIX
                ? transactions / (double) (transactions - CLEAN_PREFIX)
                : 0.0;
    }
}
