package io.polygraph.deploy.bench;

import io.polygraph.deploy.kafka.LocalKafkaBroker;
import io.polygraph.deploy.kafka.TopicSetup;
import io.polygraph.deploy.world.WorldPublisher.WorldTopics;
import io.polygraph.topic.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * The topics one job of an end-to-end benchmark reads and writes: the job's default names, or the
 * same names with a suffix so that several runs on one broker start from empty topics.
 */
record BenchTopics(
        String transactions,
        String profiles,
        String signatures,
        String labels,
        String alerts,
        String deadLetters) {

    /** The job's default topic names. */
    static final BenchTopics DEFAULT =
            new BenchTopics(
                    Topics.TRANSACTIONS_NAME,
                    Topics.PROFILES_NAME,
                    Topics.SIGNATURES_NAME,
                    Topics.LABELS_NAME,
                    Topics.ALERTS_NAME,
                    Topics.DEAD_LETTERS_NAME);

    /** The default names, each followed by {@code "-" + suffix}. */
    static BenchTopics suffixed(String suffix) {
        return new BenchTopics(
                DEFAULT.transactions + "-" + suffix,
                DEFAULT.profiles + "-" + suffix,
                DEFAULT.signatures + "-" + suffix,
                DEFAULT.labels + "-" + suffix,
                DEFAULT.alerts + "-" + suffix,
                DEFAULT.deadLetters + "-" + suffix);
    }

    /** The three topics the job reads. */
    List<String> inputs() {
        return List.of(transactions, profiles, signatures);
    }

    /** Where a world is published. */
    WorldTopics worldTopics() {
        return new WorldTopics(
                Topics.transactions(transactions),
                Topics.profiles(profiles),
                Topics.signatures(signatures),
                Topics.labels(labels));
    }

    /** Creates these topics, and {@code others}, on {@code broker}. */
    void create(LocalKafkaBroker broker, String... others) {
        List<String> names =
                new ArrayList<>(
                        List.of(transactions, profiles, signatures, labels, alerts, deadLetters));
        names.addAll(List.of(others));
        new TopicSetup(broker.adminConfig()).ensureTopics(names, EndToEndThroughput.PARTITIONS);
    }
}
