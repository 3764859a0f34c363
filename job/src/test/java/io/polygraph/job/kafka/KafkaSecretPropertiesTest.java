package io.polygraph.job.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class KafkaSecretPropertiesTest {

    private static final String PEM_KEY = "-----BEGIN PRIVATE KEY----- not-a-real-key";

    @Test
    void secretsFlinkHidesArePassedOn() {
        Properties properties = new Properties();
        properties.setProperty("sasl.jaas.config", "ScramLoginModule required password=\"p\";");
        properties.setProperty("ssl.keystore.password", "p");
        properties.setProperty("ssl.truststore.certificates", "-----BEGIN CERTIFICATE-----");
        properties.setProperty("security.protocol", "SASL_SSL");

        assertThatCode(() -> KafkaSecretProperties.requireHiddenByFlink(properties))
                .doesNotThrowAnyException();
    }

    @Test
    void aSecretFlinkWouldShowIsRefusedWithoutEchoingIt() {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.BOOTSTRAP_SERVERS, "localhost:9092");
        config.setString(PolygraphOptions.KAFKA_PROPERTIES_PREFIX + "ssl.keystore.key", PEM_KEY);
        JobSettings settings = JobSettings.from(config);

        for (Runnable build :
                new Runnable[] {
                    () -> new KafkaJobSources(settings), () -> new KafkaJobSinks(settings)
                }) {
            assertThatThrownBy(build::run)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("polygraph.kafka.properties.ssl.keystore.key")
                    .hasMessageContaining("${file:")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PEM_KEY));
        }
    }

    @Test
    void aConfigProviderReferenceIsNoSecret() {
        Properties properties = new Properties();
        properties.setProperty("ssl.keystore.key", "${file:/run/secrets/kafka.properties:key}");

        assertThatCode(() -> KafkaSecretProperties.requireHiddenByFlink(properties))
                .doesNotThrowAnyException();
    }
}
