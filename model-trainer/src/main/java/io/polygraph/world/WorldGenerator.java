package io.polygraph.world;

import io.polygraph.schema.AnomalyLabel;
import io.polygraph.schema.AnomalyType;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.SignaturePurpose;
import io.polygraph.schema.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates a synthetic multimodal world: customers with consistent profiles, their transactions
 * and signatures, and labelled anomalies.
 *
 * <p>Contract: {@link #generate} is a pure function of the configuration. The same configuration
 * gives an equal {@link World}, down to the bytes of every PNG (on the same JVM build: Java2D
 * antialiasing could differ between JDK vendors); another seed gives another world. Every random
 * choice comes from a stream of its own purpose and customer ({@link RandomStreams}), which is what
 * allows customers to be generated in parallel. Trade-off: parallel generation uses the common
 * fork-join pool; signature rendering dominates the cost.
 *
 * <p>Example: {@code World world = WorldGenerator.generate(WorldConfig.defaults().withSeed(7));}
 */
public final class WorldGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(WorldGenerator.class);

    private WorldGenerator() {}

    /**
     * Generates the world the configuration describes.
     *
     * @throws IllegalArgumentException when a real signature folder is missing or unusable
     */
    public static World generate(WorldConfig config) {
        long started = System.nanoTime();
        SignatureStudio studio = studioFor(config);
        List<Customer> customers =
                IntStream.range(0, config.customers())
                        .parallel()
                        .mapToObj(index -> CustomerFactory.create(config, index))
                        .toList();
        List<SignatureImage> enrolments =
                customers.parallelStream()
                        .map(customer -> enrolment(config, studio, customer))
                        .toList();
        CustomerHistory history = new CustomerHistory(config, studio);
        List<CustomerHistory.Entry> entries =
                customers.parallelStream()
                        .flatMap(customer -> history.generate(customer).stream())
                        .sorted(
                                Comparator.comparing(
                                                (CustomerHistory.Entry e) ->
                                                        e.transaction().getEventTime())
                                        .thenComparing(e -> e.transaction().getTransactionId()))
                        .toList();
        World world = assemble(config, customers, enrolments, entries);
        LOG.info(
                "Generated a world of {} customers, {} transactions, {} anomalies in {} ms",
                config.customers(),
                world.transactions().size(),
                world.labels().stream()
                        .filter(label -> label.getType() != AnomalyType.NORMAL)
                        .count(),
                (System.nanoTime() - started) / 1_000_000);
        return world;
    }

    private static SignatureStudio studioFor(WorldConfig config) {
        // Java 17 has no pattern matching for switch; the interface is sealed to these two.
        if (config.signatureSource() instanceof SignatureSource.RealWriters real) {
            return RealSignatureLibrary.open(real.root(), config.seed());
        }
        return new ProceduralSignatureStudio(config.seed(), config.customers());
    }

    private static SignatureImage enrolment(
            WorldConfig config, SignatureStudio studio, Customer customer) {
        SplittableRandom random = RandomStreams.of(config.seed(), "enrolment", customer.index());
        // Filed with the first profile version, just after it and before the world's start.
        Instant capturedAt =
                customer.profile().getUpdatedAt().plusMillis(1000 + random.nextInt(59_000));
        return studio.enrolment(customer.index(), random)
                .toAvro(customer.entityId(), capturedAt, SignaturePurpose.ENROLMENT, null);
    }

    private static World assemble(
            WorldConfig config,
            List<Customer> customers,
            List<SignatureImage> enrolments,
            List<CustomerHistory.Entry> entries) {
        List<CustomerProfile> profiles = new ArrayList<>();
        customers.forEach(customer -> profiles.addAll(customer.profileVersions()));
        profiles.sort(
                Comparator.comparing(CustomerProfile::getUpdatedAt)
                        .thenComparing(CustomerProfile::getEntityId));
        List<Transaction> transactions = new ArrayList<>(entries.size());
        List<AnomalyLabel> labels = new ArrayList<>(entries.size());
        List<SignatureImage> presented = new ArrayList<>();
        for (CustomerHistory.Entry entry : entries) {
            transactions.add(entry.transaction());
            labels.add(entry.label());
            if (entry.presented() != null) {
                presented.add(entry.presented());
            }
        }
        presented.sort(
                Comparator.comparing(SignatureImage::getCapturedAt)
                        .thenComparing(SignatureImage::getTransactionId));
        List<SignatureImage> enrolmentsByTime = new ArrayList<>(enrolments);
        enrolmentsByTime.sort(
                Comparator.comparing(SignatureImage::getCapturedAt)
                        .thenComparing(SignatureImage::getEntityId));
        return new World(config, profiles, enrolmentsByTime, transactions, presented, labels);
    }
}
