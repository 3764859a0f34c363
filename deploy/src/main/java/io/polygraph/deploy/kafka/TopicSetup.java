package io.polygraph.deploy.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates Polygraph's topics on a broker, idempotently: topics that exist are left as they are.
 *
 * <p>Partitions are per topic; the replication factor is the broker's default, so the same code
 * serves a single local broker and a real cluster.
 */
public final class TopicSetup {
    private final Map<String, Object> adminConfig;

    /**
     * @param adminConfig Kafka admin client configuration (bootstrap servers, security ...)
     */
    public TopicSetup(Map<String, Object> adminConfig) {
        this.adminConfig = Map.copyOf(adminConfig);
    }

    /** Creates each named topic with {@code partitions} partitions unless it exists. */
    public void ensureTopics(Collection<String> names, int partitions) {
        List<NewTopic> topics =
                names.stream()
                        .distinct()
                        .map(
                                name ->
                                        new NewTopic(
                                                name,
                                                java.util.Optional.of(partitions),
                                                java.util.Optional.empty()))
                        .toList();
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing =
                    topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics " + names, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + names, e);
        }
    }
}
