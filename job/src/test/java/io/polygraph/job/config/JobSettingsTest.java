package io.polygraph.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.topic.Topics;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;

class JobSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        JobSettings settings = JobSettings.defaults();

        assertThat(settings.transactionsTopic().name()).isEqualTo(Topics.TRANSACTIONS_NAME);
        assertThat(settings.deadLettersTopic().name()).isEqualTo(Topics.DEAD_LETTERS_NAME);
        assertThat(settings.batchSize()).isEqualTo(256);
        assertThat(settings.maxBatchDelay()).isEqualTo(Duration.ofMillis(50));
        assertThat(settings.maxJoinWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.entityTtl()).isEqualTo(Duration.ofDays(90));
        assertThat(settings.recentTransactionsLimit()).isEqualTo(20);
        assertThat(settings.maxSignatureBytes()).isEqualTo(1024 * 1024);
        assertThat(settings.maxRecordBytes()).isEqualTo(2 * 1024 * 1024);
        assertThat(settings.deadLetterMaxValueBytes()).isEqualTo(768 * 1024);
        assertThat(settings.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(settings.startingOffsets()).isEqualTo(StartingOffsets.EARLIEST);
        assertThat(settings.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.bootstrapServers()).isEmpty();
        assertThat(settings.parallelism()).isEmpty();
    }

    @Test
    void readsValuesGivenAsStrings() {
        Configuration config = new Configuration();
        config.setString("polygraph.scoring.max-batch-delay", "20 ms");
        config.setString("polygraph.validation.max-signature-size", "256kb");
        config.setString("polygraph.sink.delivery-guarantee", "exactly-once");
        config.setString("polygraph.kafka.starting-offsets", "latest");
        config.setString("polygraph.sink.transactional-id-prefix", "pg");

        JobSettings settings = JobSettings.from(config);

        assertThat(settings.maxBatchDelay()).isEqualTo(Duration.ofMillis(20));
        assertThat(settings.maxSignatureBytes()).isEqualTo(256 * 1024);
        assertThat(settings.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(settings.transactionalIdPrefix()).contains("pg");
        assertThat(settings.startingOffsets()).isEqualTo(StartingOffsets.LATEST);
    }

    @Test
    void kafkaPropertiesPassThroughWithoutTheirPrefix() {
        Configuration config = new Configuration();
        config.setString("polygraph.kafka.properties.security.protocol", "SASL_SSL");
        config.setString("polygraph.kafka.properties.sasl.jaas.config", "secret-jaas");

        JobSettings settings = JobSettings.from(config);

        assertThat(settings.kafkaProperties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", "secret-jaas");
        assertThat(settings.toString()).contains("sasl.jaas.config").doesNotContain("secret-jaas");
    }

    @Test
    void invalidValuesFailNamingTheirKey() {
        assertInvalid(PolygraphOptions.BATCH_SIZE.key(), "0");
        assertInvalid(PolygraphOptions.GRAPH_BACKEND.key(), "tpu");
        assertInvalid(PolygraphOptions.MAX_BATCH_DELAY.key(), "0 ms");
        assertInvalid(PolygraphOptions.TRANSACTIONS_TOPIC.key(), " ");
        assertInvalid(PolygraphOptions.RECENT_TRANSACTIONS.key(), "-1");
        // Not longer than the default max-wait (30 s): an entity could expire while a tx waits.
        assertInvalid(PolygraphOptions.ENTITY_TTL.key(), "30 s");
        assertInvalid(PolygraphOptions.PARALLELISM.key(), "0");
        assertInvalid(PolygraphOptions.BATCH_SIZE.key(), "many");
        assertInvalid(PolygraphOptions.MAX_RECORD_SIZE.key(), "1mb");
        assertInvalid(PolygraphOptions.DEAD_LETTER_MAX_VALUE_SIZE.key(), "0");
        assertInvalid(PolygraphOptions.ENROLMENT_CANVASES.key(), "-1");
    }

    @Test
    void aMistypedPolygraphKeyFailsNamingItAndTheKeyItResembles() {
        Configuration config = new Configuration();
        config.setString("polygraph.scoring.batchsize", "512");

        assertThatThrownBy(() -> JobSettings.from(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("polygraph.scoring.batchsize: not a Polygraph option")
                .hasMessageContaining("did you mean " + PolygraphOptions.BATCH_SIZE.key());
    }

    @Test
    void flinkKeysAndKafkaPropertiesAreNotPolygraphOptionsToCheck() {
        Configuration config = new Configuration();
        config.setString("taskmanager.numberOfTaskSlots", "4");
        config.setString(PolygraphOptions.KAFKA_PROPERTIES_PREFIX + "any.client.property", "x");

        assertThat(JobSettings.from(config).kafkaProperties())
                .containsEntry("any.client.property", "x");
    }

    @Test
    void exactlyOnceNeedsATransactionalIdPrefix() {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.DELIVERY_GUARANTEE, DeliveryGuarantee.EXACTLY_ONCE);

        assertThatThrownBy(() -> JobSettings.from(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(PolygraphOptions.TRANSACTIONAL_ID_PREFIX.key());
    }

    @Test
    void exactlyOnceNeedsATransactionTimeoutOfAtLeastTwoCheckpointIntervals() {
        Configuration config = exactlyOnce();
        config.set(PolygraphOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(30));
        config.setString(
                PolygraphOptions.KAFKA_PROPERTIES_PREFIX + "transaction.timeout.ms", "45000");

        assertThatThrownBy(() -> JobSettings.from(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("polygraph.kafka.properties.transaction.timeout.ms")
                .hasMessageContaining(PolygraphOptions.CHECKPOINT_INTERVAL.key());

        config.setString(
                PolygraphOptions.KAFKA_PROPERTIES_PREFIX + "transaction.timeout.ms", "60000");
        assertThat(JobSettings.from(config).transactionTimeout()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theDefaultTransactionTimeoutIsADefaultBrokersMaximumAndBoundsTheCheckpointInterval() {
        Configuration config = exactlyOnce();
        assertThat(JobSettings.from(config).transactionTimeout()).isEqualTo(Duration.ofMinutes(15));

        config.set(PolygraphOptions.CHECKPOINT_INTERVAL, Duration.ofMinutes(10));
        assertThatThrownBy(() -> JobSettings.from(config))
                .hasMessageContaining("shorter than twice");
    }

    private static Configuration exactlyOnce() {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.DELIVERY_GUARANTEE, DeliveryGuarantee.EXACTLY_ONCE);
        config.set(PolygraphOptions.TRANSACTIONAL_ID_PREFIX, "polygraph-test");
        return config;
    }

    @Test
    void settingsDoNotChangeWithTheConfigurationTheyWereReadFrom() {
        Configuration config = new Configuration();
        JobSettings settings = JobSettings.from(config);
        config.set(PolygraphOptions.BATCH_SIZE, 7);

        assertThat(settings.batchSize()).isEqualTo(256);
    }

    private static void assertInvalid(String key, String value) {
        Configuration config = new Configuration();
        config.setString(key, value);
        assertThatThrownBy(() -> JobSettings.from(config))
                .as("%s = '%s'", key, value)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key);
    }
}
