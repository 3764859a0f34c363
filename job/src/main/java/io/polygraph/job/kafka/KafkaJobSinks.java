package io.polygraph.job.kafka;

import io.polygraph.job.ByteArrays;
import io.polygraph.job.JobSinks;
import io.polygraph.job.OperatorIds;
import io.polygraph.job.config.JobSettings;
import io.polygraph.schema.Alert;
import io.polygraph.schema.DeadLetter;
import io.polygraph.schema.ShadowScore;
import io.polygraph.topic.Topic;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The job's outputs written to Kafka with {@link KafkaSink}: alerts and shadow scores keyed by
 * entity id (UTF-8), dead letters keyed by the original record's key, values in each topic's wire
 * format.
 *
 * <p>Delivery is AT_LEAST_ONCE by default (alert ids are deterministic, so duplicates after a
 * restart can be recognised) or EXACTLY_ONCE: Kafka transactions committed on checkpoints, with one
 * transactional-id prefix per sink derived from the configured prefix. Under EXACTLY_ONCE the
 * producers' {@code transaction.timeout.ms} defaults to 15 minutes, the broker's default maximum
 * (the connector's own default of one hour is refused by a default broker); set it through {@code
 * polygraph.kafka.properties.transaction.timeout.ms} to override ({@link
 * JobSettings#transactionTimeout()}; it must be at least twice the checkpoint interval).
 */
public final class KafkaJobSinks implements JobSinks {

    private final JobSettings settings;
    private final String bootstrapServers;

    /**
     * Sinks configured by {@code settings}.
     *
     * @throws IllegalArgumentException when no bootstrap servers are set, or when a Kafka secret
     *     would show in Flink's REST API ({@link KafkaSecretProperties})
     */
    public KafkaJobSinks(JobSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bootstrapServers = settings.requireBootstrapServers("the Kafka sinks");
        KafkaSecretProperties.requireHiddenByFlink(settings.kafkaProperties());
    }

    @Override
    public void sinkAlerts(DataStream<Alert> alerts) {
        alerts.sinkTo(sink(settings.alertsTopic(), KafkaJobSinks::alertKey, "alerts"))
                .uid(OperatorIds.ALERTS_SINK.uid())
                .name(OperatorIds.ALERTS_SINK.displayName());
    }

    @Override
    public void sinkDeadLetters(DataStream<DeadLetter> deadLetters) {
        deadLetters
                .sinkTo(
                        sink(
                                settings.deadLettersTopic(),
                                KafkaJobSinks::deadLetterKey,
                                "dead-letters"))
                .uid(OperatorIds.DEAD_LETTERS_SINK.uid())
                .name(OperatorIds.DEAD_LETTERS_SINK.displayName());
    }

    @Override
    public void sinkShadowScores(DataStream<ShadowScore> shadowScores) {
        shadowScores
                .sinkTo(
                        sink(
                                settings.shadowScoresTopic(),
                                KafkaJobSinks::shadowScoreKey,
                                "shadow-scores"))
                .uid(OperatorIds.SHADOW_SCORES_SINK.uid())
                .name(OperatorIds.SHADOW_SCORES_SINK.displayName());
    }

    static byte[] alertKey(Alert alert) {
        return alert.getEntityId().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] shadowScoreKey(ShadowScore score) {
        return score.getEntityId().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] deadLetterKey(DeadLetter deadLetter) {
        return ByteArrays.copyOf(deadLetter.getOriginalKey());
    }

    /** The sink of {@code topic}; package-private so that tests can inspect it. */
    <T extends SpecificRecord> KafkaSink<T> sink(
            Topic<T> topic, SerializableFunction<T, byte[]> keyOf, String sinkName) {
        DeliveryGuarantee guarantee = settings.deliveryGuarantee();
        KafkaSinkBuilder<T> builder =
                KafkaSink.<T>builder()
                        .setKafkaProducerConfig(producerProperties(guarantee))
                        .setBootstrapServers(bootstrapServers)
                        .setRecordSerializer(new TopicRecordSerializer<>(topic, keyOf))
                        .setDeliveryGuarantee(guarantee);
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            // JobSettings guarantees the prefix is set for EXACTLY_ONCE.
            builder.setTransactionalIdPrefix(
                    settings.transactionalIdPrefix().orElseThrow() + "-" + sinkName);
        }
        return builder.build();
    }

    /** The producers' properties; package-private so that tests can inspect them. */
    Properties producerProperties(DeliveryGuarantee guarantee) {
        Properties properties = settings.kafkaProperties();
        // Alerts are worth most in their first milliseconds, and these topics carry few records:
        // Kafka's default (5 ms since 4.0) would hold each alert back waiting for others to send
        // with it. Records that arrive while a send is in flight are still sent together.
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "0");
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            properties.putIfAbsent(
                    ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                    String.valueOf(settings.transactionTimeout().toMillis()));
        }
        return properties;
    }
}
