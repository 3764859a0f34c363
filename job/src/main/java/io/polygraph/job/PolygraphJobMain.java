package io.polygraph.job;

import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.job.config.ConfigFile;
import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.job.kafka.KafkaJobSinks;
import io.polygraph.job.kafka.KafkaJobSources;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the job on a Flink cluster: parses {@code --key value} arguments into a Flink
 * {@link Configuration}, wires the Kafka sources and sinks and the model snapshot's scorer ({@link
 * SnapshotScorerFactory}) into {@link PolygraphJob#build}, and runs the job as {@value
 * PolygraphJob#JOB_NAME}. The snapshot is verified before the job is built (intact, and holding a
 * detector that scores transactions) and must be readable at the given path on every task manager.
 *
 * <p>Keys are those of {@link PolygraphOptions}; any Flink option may be passed the same way and
 * reaches the execution environment. {@code --config-file settings.yaml} reads settings from a YAML
 * file first ({@link ConfigFile}); the other arguments override it. Example:
 *
 * <pre>{@code
 * flink run polygraph-job.jar \
 *   --polygraph.kafka.bootstrap-servers localhost:9092 \
 *   --polygraph.model.snapshot-path /models/cmad-v3.zip \
 *   --polygraph.kafka.properties.security.protocol SASL_SSL
 * }</pre>
 */
public final class PolygraphJobMain {
    private static final Logger LOG = LoggerFactory.getLogger(PolygraphJobMain.class);

    private PolygraphJobMain() {}

    public static void main(String[] args) throws Exception {
        Configuration config = configurationOf(args);
        JobSettings settings = JobSettings.from(config);
        String snapshot =
                settings.modelSnapshotPath()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "Invalid setting "
                                                        + PolygraphOptions.MODEL_SNAPSHOT_PATH.key()
                                                        + ": required"));
        // Checked here, on the client, so that a wrong snapshot fails the submission rather than
        // every subtask's open().
        SnapshotScorerFactory scorers = settings.scorersOf(Path.of(snapshot));
        LOG.info("Starting {} with {}", PolygraphJob.JOB_NAME, settings);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        PolygraphJob.configureEnvironment(env, settings);
        PolygraphJob.build(
                env, new KafkaJobSources(settings), new KafkaJobSinks(settings), scorers, settings);
        env.execute(PolygraphJob.JOB_NAME);
    }

    /** The argument naming a YAML file of settings, read before the other arguments. */
    static final String CONFIG_FILE_ARGUMENT = "config-file";

    /**
     * The configuration given by {@code --key value} pairs, on top of the YAML file named by {@code
     * --config-file} when there is one ({@link ConfigFile}): a key on the command line wins.
     */
    static Configuration configurationOf(String[] args) {
        ParameterTool arguments = ParameterTool.fromArgs(args);
        Configuration config = new Configuration();
        if (arguments.has(CONFIG_FILE_ARGUMENT)) {
            config.addAll(ConfigFile.load(Path.of(arguments.getRequired(CONFIG_FILE_ARGUMENT))));
        }
        Configuration given = arguments.getConfiguration();
        given.removeKey(CONFIG_FILE_ARGUMENT);
        config.addAll(given);
        return config;
    }
}
