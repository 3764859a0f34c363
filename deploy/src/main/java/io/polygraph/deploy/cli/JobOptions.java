package io.polygraph.deploy.cli;

import io.polygraph.job.config.ConfigFile;
import io.polygraph.job.config.PolygraphOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** Command-line options of the job that a user sets most often, plus any other job option. */
public final class JobOptions {

    /** Flink's configuration prefix of the reporter that {@code --prometheus-port} turns on. */
    static final String PROMETHEUS_REPORTER = "metrics.reporter.prom.";

    private static final String PROMETHEUS_FACTORY =
            "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";

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

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "YAML file of job settings (polygraph.* and Flink keys, nested or dotted, as"
                            + " listed below); options given on the command line win over it.")
    Path configFile;

    @Option(
            names = "--prometheus-port",
            paramLabel = "PORT",
            description =
                    "Export the job's metrics for Prometheus at http://HOST:PORT/metrics (Flink's"
                            + " Prometheus reporter, which listens on every interface). Default:"
                            + " off.")
    Integer prometheusPort;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * The job configuration: the {@code --config} file, then Kafka, topics, snapshot and these
     * options. An option typed on the command line overrides the file; an option left at its
     * default does not, so a file can set the parallelism or a topic name.
     *
     * @param kafka how to reach Kafka; its extra properties go to every Kafka client of the job
     * @param topics topic names
     * @param snapshot the model snapshot to load
     */
    public Configuration configuration(KafkaOptions kafka, TopicOptions topics, Path snapshot) {
        Map<String, String> values = new LinkedHashMap<>();
        if (configFile != null) {
            values.putAll(ConfigFile.load(configFile).toMap());
        }
        values.put(PolygraphOptions.BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers);
        kafka.properties.forEach(
                (key, value) -> values.put(PolygraphOptions.KAFKA_PROPERTIES_PREFIX + key, value));
        unlessInFile(
                values,
                "--transactions-topic",
                PolygraphOptions.TRANSACTIONS_TOPIC,
                topics.transactions);
        unlessInFile(values, "--profiles-topic", PolygraphOptions.PROFILES_TOPIC, topics.profiles);
        unlessInFile(
                values, "--signatures-topic", PolygraphOptions.SIGNATURES_TOPIC, topics.signatures);
        unlessInFile(values, "--alerts-topic", PolygraphOptions.ALERTS_TOPIC, topics.alerts);
        unlessInFile(
                values,
                "--dead-letters-topic",
                PolygraphOptions.DEAD_LETTERS_TOPIC,
                topics.deadLetters);
        values.put(
                PolygraphOptions.MODEL_SNAPSHOT_PATH.key(), snapshot.toAbsolutePath().toString());
        unlessInFile(
                values, "--parallelism", PolygraphOptions.PARALLELISM, String.valueOf(parallelism));
        unlessInFile(
                values,
                "--checkpoint-interval",
                PolygraphOptions.CHECKPOINT_INTERVAL,
                checkpointInterval);
        if (prometheusPort != null) {
            values.put(PROMETHEUS_REPORTER + "factory.class", PROMETHEUS_FACTORY);
            values.put(PROMETHEUS_REPORTER + "port", String.valueOf(prometheusPort));
        }
        values.putAll(extra);
        return Configuration.fromMap(values);
    }

    /** Where Prometheus scrapes the metrics, when {@code --prometheus-port} was given. */
    Optional<String> prometheusUrl() {
        return Optional.ofNullable(prometheusPort)
                .map(port -> "http://localhost:" + port + "/metrics");
    }

    /** Sets {@code option} unless the file set it and {@code flag} was not typed. */
    private void unlessInFile(
            Map<String, String> values, String flag, ConfigOption<?> option, String value) {
        ParseResult parsed = command == null ? null : command.commandLine().getParseResult();
        boolean typed = parsed == null || parsed.hasMatchedOption(flag);
        if (typed || !values.containsKey(option.key())) {
            values.put(option.key(), value);
        }
    }
}
