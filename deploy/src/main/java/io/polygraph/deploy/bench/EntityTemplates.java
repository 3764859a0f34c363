package io.polygraph.deploy.bench;

import io.polygraph.deploy.bench.StateSize.SerializedState;
import io.polygraph.job.join.EntityEvents;
import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.EntityEvent;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.SignaturePurpose;
import io.polygraph.schema.Transaction;
import io.polygraph.world.World;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

/**
 * The template entities: per customer of a small generated world its latest profile, its enrolment
 * signature and its last transactions, copied under a new entity id per entity.
 */
final class EntityTemplates {
    private static final long TEMPLATE_SEED = 4242;

    private final List<CustomerProfile> profiles;
    private final List<SignatureImage> signatures;
    private final List<List<Transaction>> transactions;

    private EntityTemplates(
            List<CustomerProfile> profiles,
            List<SignatureImage> signatures,
            List<List<Transaction>> transactions) {
        this.profiles = profiles;
        this.signatures = signatures;
        this.transactions = transactions;
    }

    /** Customers with at least {@code recent} transactions in 120 days of a generated world. */
    static EntityTemplates generate(int customers, int recent) {
        World world =
                WorldGenerator.generate(
                        WorldConfig.defaults()
                                .withSeed(TEMPLATE_SEED)
                                .withCustomers(customers)
                                .withSpan(Duration.ofDays(120))
                                // Presented signatures are not in the steady state: none drawn.
                                .withSignatureCaptureShare(0));
        Map<String, CustomerProfile> latest = new LinkedHashMap<>();
        world.profiles().forEach(p -> latest.put(p.getEntityId(), p)); // sorted by updatedAt
        Map<String, SignatureImage> enrolment = new LinkedHashMap<>();
        world.enrolmentSignatures().forEach(s -> enrolment.put(s.getEntityId(), s));
        Map<String, List<Transaction>> byEntity = new LinkedHashMap<>();
        world.transactions()
                .forEach(
                        t ->
                                byEntity.computeIfAbsent(t.getEntityId(), e -> new ArrayList<>())
                                        .add(t));
        List<CustomerProfile> profiles = new ArrayList<>();
        List<SignatureImage> signatures = new ArrayList<>();
        List<List<Transaction>> transactions = new ArrayList<>();
        for (Map.Entry<String, List<Transaction>> entry : byEntity.entrySet()) {
            List<Transaction> all = entry.getValue();
            SignatureImage signature = enrolment.get(entry.getKey());
            if (all.size() < recent || signature == null) {
                continue;
            }
            profiles.add(latest.get(entry.getKey()));
            signatures.add(signature);
            transactions.add(List.copyOf(all.subList(all.size() - recent, all.size())));
        }
        if (profiles.isEmpty()) {
            throw new IllegalStateException(
                    "no customer of the template world has " + recent + " transactions");
        }
        return new EntityTemplates(profiles, signatures, transactions);
    }

    int size() {
        return profiles.size();
    }

    int recent() {
        return transactions.get(0).size();
    }

    /** Record {@code index} of the stream: per entity its profile, signature, transactions. */
    EntityEvent event(long index) {
        int perEntity = 2 + recent();
        long entity = index / perEntity;
        int position = (int) (index % perEntity);
        int template = (int) (entity % profiles.size());
        String entityId = entityId(entity);
        if (position == 0) {
            return EntityEvents.of(profile(template, entityId));
        }
        if (position == 1) {
            return EntityEvents.of(signature(template, entityId));
        }
        return EntityEvents.of(transaction(template, position - 2, entityId));
    }

    static String entityId(long entity) {
        return String.format(Locale.ROOT, "cust-%07d", entity);
    }

    CustomerProfile profile(int template, String entityId) {
        return CustomerProfile.newBuilder(profiles.get(template)).setEntityId(entityId).build();
    }

    SignatureImage signature(int template, String entityId) {
        return SignatureImage.newBuilder(signatures.get(template))
                .setEntityId(entityId)
                .setPurpose(SignaturePurpose.ENROLMENT)
                .build();
    }

    Transaction transaction(int template, int k, String entityId) {
        Transaction original = transactions.get(template).get(k);
        String suffix = original.getTransactionId();
        suffix = suffix.substring(suffix.lastIndexOf('-') + 1);
        // Joined at once (no presented signature to wait for), as in the steady state.
        return Transaction.newBuilder(original)
                .setEntityId(entityId)
                .setTransactionId("tx-" + entityId + "-" + suffix)
                .setSignatureCaptured(false)
                .build();
    }

    double meanImageBytes() {
        return signatures.stream().mapToInt(s -> s.getImageBytes().remaining()).average().orElse(0);
    }

    /** Mean serialized bytes per entity of each state value, by the join's state names. */
    List<SerializedState> serializedPerEntity() {
        SerializerConfigImpl config = new SerializerConfigImpl();
        TypeSerializer<CustomerProfile> profile =
                new AvroTypeInfo<>(CustomerProfile.class).createSerializer(config);
        TypeSerializer<SignatureImage> signature =
                new AvroTypeInfo<>(SignatureImage.class).createSerializer(config);
        TypeSerializer<Transaction> transaction =
                new AvroTypeInfo<>(Transaction.class).createSerializer(config);
        TypeSerializer<String> key = Types.STRING.createSerializer(config);
        TypeSerializer<Long> time = Types.LONG.createSerializer(config);
        double[] sums = new double[5];
        int n = profiles.size();
        for (int t = 0; t < n; t++) {
            String entityId = entityId(t);
            sums[0] += bytes(key, entityId);
            sums[1] += bytes(profile, profile(t, entityId));
            sums[2] += bytes(signature, signature(t, entityId));
            for (int k = 0; k < recent(); k++) {
                sums[3] += bytes(transaction, transaction(t, k, entityId));
            }
            sums[4] += bytes(time, 0L);
        }
        return List.of(
                new SerializedState("key", sums[0] / n),
                new SerializedState("profile", sums[1] / n),
                new SerializedState("enrolment-signature", sums[2] / n),
                new SerializedState("recent-transactions", sums[3] / n),
                new SerializedState("last-activity", sums[4] / n));
    }

    private static <T> int bytes(TypeSerializer<T> serializer, T value) {
        DataOutputSerializer out = new DataOutputSerializer(4096);
        try {
            serializer.serialize(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.length();
    }
}
