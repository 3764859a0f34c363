package io.polygraph.deploy.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * The standard Kafka client properties for the two secured set-ups Polygraph supports: SASL_SSL
 * with SCRAM-SHA-512, and mutual TLS. They go to any client as they are, or to the job under {@code
 * polygraph.kafka.properties.}.
 *
 * <p>The returned maps hold secrets: pass them on, never print them.
 */
public final class KafkaClientSecurity {

    private KafkaClientSecurity() {}

    /**
     * SASL_SSL with SCRAM-SHA-512: the user's name and password, and the truststore that verifies
     * the broker's certificate.
     */
    public static Map<String, String> scramSha512(
            String user, String password, TlsStores brokerTrust) {
        Objects.requireNonNull(brokerTrust, "brokerTrust");
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        properties.put(SaslConfigs.SASL_MECHANISM, BrokerSecurity.SCRAM_MECHANISM);
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, scramJaasConfig(user, password));
        brokerTrust.sslProperties().forEach((key, value) -> properties.put(key, value.toString()));
        return properties;
    }

    /**
     * Mutual TLS: the client's keystore (its certificate is its identity) and the truststore that
     * verifies the broker.
     */
    public static Map<String, String> mutualTls(TlsStores clientStores) {
        if (!clientStores.hasKeystore()) {
            throw new IllegalArgumentException("mutual TLS needs the client's keystore");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        clientStores.sslProperties().forEach((key, value) -> properties.put(key, value.toString()));
        return properties;
    }

    /** The {@code sasl.jaas.config} value of a SCRAM user, quotes and backslashes escaped. */
    public static String scramJaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + escape(Objects.requireNonNull(user, "user"))
                + "\" password=\""
                + escape(Objects.requireNonNull(password, "password"))
                + "\";";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
