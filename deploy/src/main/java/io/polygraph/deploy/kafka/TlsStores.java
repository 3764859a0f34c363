package io.polygraph.deploy.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.SslConfigs;

/**
 * A PKCS12 keystore (this party's key and certificate chain) and a PKCS12 truststore (the CA it
 * trusts), with their passwords: what a broker's TLS listener or a mutual-TLS client needs.
 *
 * <p>{@link #toString()} leaves the passwords out, so that the stores can be logged.
 *
 * @param keystore the keystore, or null for a client that only verifies the broker
 * @param keystorePassword password of the keystore and of its private key; null without keystore
 * @param truststore the truststore
 * @param truststorePassword password of the truststore
 */
public record TlsStores(
        Path keystore, String keystorePassword, Path truststore, String truststorePassword) {

    public TlsStores {
        Objects.requireNonNull(truststore, "truststore");
        Objects.requireNonNull(truststorePassword, "truststorePassword");
        if ((keystore == null) != (keystorePassword == null)) {
            throw new IllegalArgumentException("a keystore needs its password, and only then");
        }
    }

    /** Stores that only verify the other side: a truststore, no key of one's own. */
    public static TlsStores trustOnly(Path truststore, String truststorePassword) {
        return new TlsStores(null, null, truststore, truststorePassword);
    }

    /** Whether there is a keystore, that is, whether this party can prove who it is over TLS. */
    public boolean hasKeystore() {
        return keystore != null;
    }

    /** The {@code ssl.*} Kafka properties for these stores (broker or client alike). */
    public Map<String, Object> sslProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
        properties.put(
                SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststore.toAbsolutePath().toString());
        properties.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, truststorePassword);
        if (hasKeystore()) {
            properties.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PKCS12");
            properties.put(
                    SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, keystore.toAbsolutePath().toString());
            properties.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, keystorePassword);
            properties.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, keystorePassword);
        }
        return properties;
    }

    @Override
    public String toString() {
        return "TlsStores[keystore=" + keystore + ", truststore=" + truststore + "]";
    }
}
