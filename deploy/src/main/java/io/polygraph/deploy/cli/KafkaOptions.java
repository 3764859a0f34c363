package io.polygraph.deploy.cli;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/**
 * Command-line options that say how to reach a Kafka cluster: bootstrap servers plus any client
 * property (security settings such as {@code security.protocol}, {@code sasl.mechanism}, ...).
 */
public final class KafkaOptions {

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers.",
            required = true)
    String bootstrapServers;

    @Option(
            names = "--kafka-property",
            paramLabel = "KEY=VALUE",
            description =
                    "Extra Kafka client property for every client (repeatable), e.g."
                            + " security.protocol=SASL_SSL.")
    Map<String, String> properties = new LinkedHashMap<>();

    /** Client configuration: the bootstrap servers and the extra properties. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(properties);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }
}
