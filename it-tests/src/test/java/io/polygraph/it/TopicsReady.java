package io.polygraph.it;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until freshly created topics can be written: every partition answers a list-offsets
 * request, which only the partition's leader does.
 *
 * <p>Why: a topic is created when the controller has committed it, a moment before the broker acts
 * as its partitions' leader. A producer that writes in that moment was seen (Kafka 4.2 clients and
 * broker, on a loaded machine) to get NOT_LEADER_OR_FOLLOWER and then OUT_OF_ORDER_SEQUENCE_NUMBER
 * on every retry of its idempotent batches, until its delivery timeout.
 */
final class TopicsReady {

    private TopicsReady() {}

    static void await(Map<String, Object> adminConfig, Collection<String> topics) throws Exception {
        try (Admin admin = Admin.create(adminConfig)) {
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(topics).allTopicNames().get(60, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            descriptions.forEach(
                    (name, description) ->
                            description
                                    .partitions()
                                    .forEach(
                                            p ->
                                                    partitions.put(
                                                            new TopicPartition(name, p.partition()),
                                                            OffsetSpec.latest())));
            // The admin client retries NOT_LEADER_OR_FOLLOWER itself, within its API timeout.
            admin.listOffsets(partitions).all().get(60, TimeUnit.SECONDS);
        }
    }
}
