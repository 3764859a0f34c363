package io.polygraph.it;

import io.polygraph.deploy.kafka.LocalKafkaBroker;
import io.polygraph.deploy.kafka.TopicSetup;
import io.polygraph.deploy.world.WorldPublisher.WorldTopics;
import io.polygraph.job.config.JobSettings;
import io.polygraph.topic.Topics;
import java.util.List;

/**
 * The topics of one end-to-end test run on the test's broker: the job's three inputs, its alerts
 * and dead letters, and a labels topic for the generator, each with the same partition count.
 */
final class JobTopics {

    private JobTopics() {}

    /**
     * Creates the topics named by {@code settings} (plus {@code labels-<suffix>}) and returns the
     * generator's view of the input ones.
     */
    static WorldTopics create(
            LocalKafkaBroker broker, JobSettings settings, String suffix, int partitions) {
        WorldTopics topics =
                new WorldTopics(
                        settings.transactionsTopic(),
                        settings.profilesTopic(),
                        settings.signaturesTopic(),
                        Topics.labels("labels-" + suffix));
        new TopicSetup(broker.adminConfig())
                .ensureTopics(
                        List.of(
                                topics.transactions().name(),
                                topics.profiles().name(),
                                topics.signatures().name(),
                                topics.labels().name(),
                                settings.alertsTopic().name(),
                                settings.deadLettersTopic().name()),
                        partitions);
        return topics;
    }
}
