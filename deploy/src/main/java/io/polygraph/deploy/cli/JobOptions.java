package io.polygraph.deploy.cli;

import io.polygraph.job.config.PolygraphOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Option;

/** Command-line options of the job that a user sets most often, plus any other job option. */
public final class JobOptions {

    @Option(
            names = "--web-ui-port",
            description = "Port of Flink's web UI on localhost. Default: ${DEFAULT-VALUE}.")
    int webUiPort = 8081;

    @Option(
            names = "--parallelism",
            description = "Parallelism of the job. Default: ${DEFAULT-VALUE}.")
    int parallelism = 2;

    @Option(
            names = "--checkpoint-interval",
            description =
                    "Checkpoint interval (Flink duration, e.g. 2s). Default: ${DEFAULT-VALUE}.")
    String checkpointInterval = "2s";

    @Option(
            names = "--job-option",
            paramLabel = "KEY=VALUE",
            description =
                    "Any other job or Flink option (repeatable), e.g."
                            + " polygraph.scoring.batch-size=512; see README.md.")
    Map<String, String> extra = new LinkedHashMap<>();

    /**
     * The job configuration: Kafka, topics, snapshot and these options.
     *
     * @param kafka how to reach Kafka; its extra properties go to every Kafka client of the job
     * @param topics topic names
     * @param snapshot the model snapshot to load
     */
    public Configuration configuration(KafkaOptions kafka, TopicOptions topics, Path snapshot) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(PolygraphOptions.BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers);
        kafka.properties.forEach(
                (key, value) -> values.put(PolygraphOptions.KAFKA_PROPERTIES_PREFIX + key, value));
        values.put(PolygraphOptions.TRANSACTIONS_TOPIC.key(), topics.transactions);
        values.put(PolygraphOptions.PROFILES_TOPIC.key(), topics.profiles);
        values.put(PolygraphOptions.SIGNATURES_TOPIC.key(), topics.signatures);
        values.put(PolygraphOptions.ALERTS_TOPIC.key(), topics.alerts);
        values.put(PolygraphOptions.DEAD_LETTERS_TOPIC.key(), topics.deadLetters);
        values.put(
                PolygraphOptions.MODEL_SNAPSHOT_PATH.key(), snapshot.toAbsolutePath().toString());
        values.put(PolygraphOptions.PARALLELISM.key(), String.valueOf(parallelism));
        values.put(PolygraphOptions.CHECKPOINT_INTERVAL.key(), checkpointInterval);
        values.putAll(extra);
        return Configuration.fromMap(values);
    }
}
