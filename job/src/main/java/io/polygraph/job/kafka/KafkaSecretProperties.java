package io.polygraph.job.kafka;

import io.polygraph.job.config.PolygraphOptions;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.SslConfigs;

/**
 * Keeps the job's Kafka secrets out of Flink's REST API and web UI.
 *
 * <p>The job's Kafka properties travel in Flink's configuration as {@code
 * polygraph.kafka.properties.<name>}, and Flink shows its configuration over REST, hiding only the
 * values of keys that contain one of its sensitive words ({@code password}, {@code secret}, {@code
 * jaas.config}, ...; {@link GlobalConfiguration#isSensitive}). That covers {@code sasl.jaas.config}
 * and the {@code ssl.*.password} keys, but not every secret Kafka knows, e.g. {@code
 * ssl.keystore.key} (a PEM private key). Such a property is refused, naming the key and never the
 * value, unless its value is a Kafka config-provider reference ({@code ${file:/path:key}} with
 * {@code config.providers}), which Kafka resolves in the client and Flink only ever sees as the
 * reference.
 */
final class KafkaSecretProperties {

    /** Kafka declares these as passwords, but certificates are public. */
    private static final Set<String> PUBLIC =
            Set.of(
                    SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG,
                    SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG);

    private KafkaSecretProperties() {}

    /**
     * @throws IllegalArgumentException naming the first secret property Flink would show
     */
    static void requireHiddenByFlink(Properties kafkaProperties) {
        for (String name : new TreeSet<>(kafkaProperties.stringPropertyNames())) {
            String flinkKey = PolygraphOptions.KAFKA_PROPERTIES_PREFIX + name;
            String value = kafkaProperties.getProperty(name);
            if (isSecret(name)
                    && !GlobalConfiguration.isSensitive(flinkKey)
                    && !isProviderReference(value)) {
                throw new IllegalArgumentException(
                        "Invalid setting "
                                + flinkKey
                                + ": a secret that Flink's REST API would show in clear text;"
                                + " pass it through a Kafka config provider instead, e.g."
                                + " config.providers=file,"
                                + " config.providers.file.class="
                                + "org.apache.kafka.common.config.provider.FileConfigProvider and "
                                + name
                                + "=${file:/path/to/secrets.properties:"
                                + name
                                + "}");
            }
        }
    }

    /** Whether Kafka's producer, consumer or admin client declares {@code name} a password. */
    static boolean isSecret(String name) {
        return !PUBLIC.contains(name)
                && (isPassword(ConsumerConfig.configDef(), name)
                        || isPassword(ProducerConfig.configDef(), name)
                        || isPassword(AdminClientConfig.configDef(), name));
    }

    private static boolean isPassword(ConfigDef definitions, String name) {
        ConfigDef.ConfigKey key = definitions.configKeys().get(name);
        return key != null && key.type == ConfigDef.Type.PASSWORD;
    }

    private static boolean isProviderReference(String value) {
        return value != null && value.strip().startsWith("${") && value.strip().endsWith("}");
    }
}
