package io.polygraph.it;

import io.polygraph.deploy.kafka.LocalKafkaBroker;
import io.polygraph.deploy.kafka.TopicSetup;
import io.polygraph.deploy.world.WorldPublisher.WorldTopics;
import io.polygraph.job.config.JobSettings;
import io.polygraph.topic.Topics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics of one end-to-end test run on the test's broker: the job's three inputs, its alerts
 * and dead letters, and a labels topic for the generator, each with the same partition count.
 *
 * <p>Every topic keeps its records forever ({@code retention.ms=-1}). The publisher stamps each
 * record with its event time, and a generated world's event times lie wherever its {@code start}
 * puts them, typically months before the wall clock; under the broker's default retention of seven
 * days, its first retention check (30 s after start, then every 5 minutes) deletes every such
 * segment, active one included. A source that is still reading then finds its position below the
 * log start offset, resets to the new start, which is the end, and silently skips the rest of the
 * input: the job looks idle with most of its input unread.
 */
final class JobTopics {

    private JobTopics() {}

    /**
     * Creates the topics named by {@code settings} (plus {@code labels-<suffix>}) with unlimited
     * retention and returns the generator's view of the input ones.
     */
    static WorldTopics create(
            LocalKafkaBroker broker, JobSettings settings, String suffix, int partitions)
            throws Exception {
        return create(broker.adminConfig(), settings, suffix, partitions);
    }

    /** As {@link #create(LocalKafkaBroker, JobSettings, String, int)}, through {@code admin}. */
    static WorldTopics create(
            Map<String, Object> admin, JobSettings settings, String suffix, int partitions)
            throws Exception {
        WorldTopics topics =
                new WorldTopics(
                        settings.transactionsTopic(),
                        settings.profilesTopic(),
                        settings.signaturesTopic(),
                        Topics.labels("labels-" + suffix));
        List<String> names =
                List.of(
                        topics.transactions().name(),
                        topics.profiles().name(),
                        topics.signatures().name(),
                        topics.labels().name(),
                        settings.alertsTopic().name(),
                        settings.deadLettersTopic().name());
        new TopicSetup(admin).ensureTopics(names, partitions);
        keepForever(admin, names);
        return topics;
    }

    private static void keepForever(Map<String, Object> adminConfig, Collection<String> names)
            throws Exception {
        AlterConfigOp unlimited =
                new AlterConfigOp(
                        new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"),
                        AlterConfigOp.OpType.SET);
        Map<ConfigResource, Collection<AlterConfigOp>> changes =
                names.stream()
                        .distinct()
                        .collect(
                                Collectors.toMap(
                                        name -> new ConfigResource(ConfigResource.Type.TOPIC, name),
                                        name -> List.of(unlimited)));
        try (Admin admin = Admin.create(adminConfig)) {
            admin.incrementalAlterConfigs(changes).all().get();
        }
    }
}
