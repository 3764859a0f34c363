package io.polygraph.it;

import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.Transaction;
import io.polygraph.world.World;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A generated world reduced to input whose joined records do not depend on how fast the job's three
 * Kafka sources run relative to each other: each customer's first profile version and its
 * transactions, none of which captured a signature; no signatures at all.
 *
 * <p>Why: the job's join emits a transaction as soon as it is complete (its entity's profile is
 * known and, if it captured one, its presented signature has arrived) and attaches whatever the
 * entity's state holds <em>at that moment</em>. The three topics are read by independent sources,
 * so across topics that moment is a race:
 *
 * <ul>
 *   <li>an enrolment signature is not part of completeness, so a transaction may be scored with or
 *       without it depending on whether the signatures source was ahead;
 *   <li>a later profile version (KYC update) may or may not be in state when a transaction dated
 *       before or after it arrives;
 *   <li>a transaction waiting for its presented signature is absent from the recent-transaction
 *       history of a later transaction that completes before it.
 * </ul>
 *
 * With one profile per customer and no signatures, a transaction waits only for that one profile;
 * every waiting transaction of an entity is released when it arrives, in event-time order, and
 * later ones arrive after them on the same partition. Records of one entity on one topic share a
 * partition (keyed by entity id) and arrive in publish order, so the joined records, and with them
 * the scores, are the same in every run.
 */
final class TimingIndependentWorld {

    private TimingIndependentWorld() {}

    /**
     * Generates {@code config} and keeps only its timing independent part. With a {@code
     * signatureCaptureShare} of 0 only a few anomalous transactions capture a signature; they are
     * marked as not having captured one.
     */
    /**
     * Just over 150,000 transactions: 375 customers, 10 a day for 42 days, no signatures. The size
     * is what keeps input unread through a run's three or four disruptions: each costs about 15 s
     * (a TaskManager's restart), and on an idle 2-core machine the job reads some 3,000
     * transactions a second; with 100,000 transactions (250 customers) the third SIGKILL of {@link
     * StandaloneClusterITCase} once found the input read to the end (and 15,336 unread in another
     * run, against its minimum of 5,000).
     */
    static final WorldConfig OVER_150_000_TRANSACTIONS =
            WorldConfig.defaults()
                    .withSeed(11)
                    .withCustomers(375)
                    .withSpan(Duration.ofDays(42))
                    .withTransactionsPerCustomerPerDay(10)
                    .withSignatureCaptureShare(0);

    /** The same shape, other customers, a small part of the size: to train a detector for it. */
    static final WorldConfig TRAINING =
            OVER_150_000_TRANSACTIONS.withSeed(7).withCustomers(50).withSpan(Duration.ofDays(20));

    static World generate(WorldConfig config) {
        World world = WorldGenerator.generate(config);
        return new World(
                world.config(),
                firstVersions(world.profiles()),
                List.of(),
                world.transactions().stream().map(TimingIndependentWorld::unsigned).toList(),
                List.of(),
                world.labels());
    }

    private static Transaction unsigned(Transaction transaction) {
        return transaction.getSignatureCaptured()
                ? Transaction.newBuilder(transaction).setSignatureCaptured(false).build()
                : transaction;
    }

    /** The earliest version of each profile; {@code profiles} is sorted by {@code updatedAt}. */
    private static List<CustomerProfile> firstVersions(List<CustomerProfile> profiles) {
        Set<String> seen = new HashSet<>();
        List<CustomerProfile> first = new ArrayList<>();
        for (CustomerProfile profile : profiles) {
            if (seen.add(profile.getEntityId())) {
                first.add(profile);
            }
        }
        return first;
    }
}
