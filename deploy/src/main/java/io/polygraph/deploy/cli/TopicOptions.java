package io.polygraph.deploy.cli;

import io.polygraph.deploy.world.WorldPublisher.WorldTopics;
import io.polygraph.topic.Topics;
import java.util.List;
import picocli.CommandLine.Option;

/** Command-line options naming Polygraph's topics; the defaults are {@link Topics}' names. */
public final class TopicOptions {

    @Option(names = "--transactions-topic", description = "Default: ${DEFAULT-VALUE}.")
    String transactions = Topics.TRANSACTIONS_NAME;

    @Option(names = "--profiles-topic", description = "Default: ${DEFAULT-VALUE}.")
    String profiles = Topics.PROFILES_NAME;

    @Option(names = "--signatures-topic", description = "Default: ${DEFAULT-VALUE}.")
    String signatures = Topics.SIGNATURES_NAME;

    @Option(names = "--alerts-topic", description = "Default: ${DEFAULT-VALUE}.")
    String alerts = Topics.ALERTS_NAME;

    @Option(names = "--dead-letters-topic", description = "Default: ${DEFAULT-VALUE}.")
    String deadLetters = Topics.DEAD_LETTERS_NAME;

    @Option(
            names = "--labels-topic",
            description = "Ground truth of generated worlds. Default: ${DEFAULT-VALUE}.")
    String labels = Topics.LABELS_NAME;

    /** Every topic name, inputs, outputs and labels. */
    public List<String> all() {
        return List.of(transactions, profiles, signatures, alerts, deadLetters, labels);
    }

    /** The topics a generated world is written to. */
    public WorldTopics worldTopics() {
        return new WorldTopics(
                Topics.transactions(transactions),
                Topics.profiles(profiles),
                Topics.signatures(signatures),
                Topics.labels(labels));
    }
}
