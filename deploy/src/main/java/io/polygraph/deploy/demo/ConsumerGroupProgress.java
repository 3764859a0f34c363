package io.polygraph.deploy.demo;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells how far a consumer group (here: the Flink job's Kafka sources) has come through a set of
 * topics, from the offsets the group committed.
 *
 * <p>Flink's Kafka source commits offsets only when a checkpoint completes, after every operator
 * has flushed (the scoring operator scores its buffer before the barrier, the sink flushes its
 * producer). So "committed offsets reached the end offsets" means every input record up to the end
 * has been fully processed and its alerts handed to Kafka, which is how the demo and the
 * integration tests know a run is done without a bounded source.
 */
public final class ConsumerGroupProgress implements AutoCloseable {
    private final Admin admin;
    private final String groupId;
    private final List<String> topics;

    /**
     * @param adminConfig admin client configuration
     * @param groupId the consumer group to follow
     * @param topics the topics it reads
     */
    public ConsumerGroupProgress(
            Map<String, Object> adminConfig, String groupId, Collection<String> topics) {
        this.admin = Admin.create(adminConfig);
        this.groupId = groupId;
        this.topics = List.copyOf(topics);
    }

    /** Records in the topics that the group has not committed yet (all, before a first commit). */
    public long lag() {
        try {
            Map<TopicPartition, Long> ends = endOffsets();
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "cannot read offsets of group " + groupId, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Waits until the group has committed everything in its topics.
     *
     * @return true when caught up, false when {@code timeout} passed first
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lag() == 0) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private Map<TopicPartition, Long> endOffsets() throws ExecutionException, InterruptedException {
        Map<String, TopicDescription> descriptions =
                admin.describeTopics(topics).allTopicNames().get();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        descriptions
                .values()
                .forEach(
                        d ->
                                d.partitions()
                                        .forEach(
                                                p ->
                                                        request.put(
                                                                new TopicPartition(
                                                                        d.name(), p.partition()),
                                                                OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResultInfo> result =
                admin.listOffsets(
                                request,
                                new org.apache.kafka.clients.admin.ListOffsetsOptions(
                                        IsolationLevel.READ_UNCOMMITTED))
                        .all()
                        .get();
        Map<TopicPartition, Long> ends = new HashMap<>();
        result.forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    @Override
    public void close() {
        admin.close();
    }
}
