package io.polygraph.job.kafka;

import io.polygraph.job.JobSources;
import io.polygraph.job.OperatorIds;
import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.StartingOffsets;
import io.polygraph.job.eventtime.InputReachability;
import io.polygraph.schema.RawRecord;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The job's inputs read from Kafka: one {@link KafkaSource} per topic, emitting undecoded {@link
 * RawRecord}s (see {@link RawRecordDeserializer}).
 *
 * <p>Each source generates watermarks with the strategy the job gives it, so the Kafka source keeps
 * one watermark per partition and the job's watermark never runs ahead of a lagging partition.
 * Offsets are committed to the consumer group on checkpoints (for monitoring only; restores use the
 * checkpoint).
 *
 * <pre>{@code
 * JobSources sources = new KafkaJobSources(JobSettings.from(config));
 * }</pre>
 */
public final class KafkaJobSources implements JobSources {

    private final JobSettings settings;
    private final String bootstrapServers;

    /**
     * Sources configured by {@code settings}.
     *
     * @throws IllegalArgumentException when no bootstrap servers are set, or when a Kafka secret
     *     would show in Flink's REST API ({@link KafkaSecretProperties})
     */
    public KafkaJobSources(JobSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bootstrapServers = settings.requireBootstrapServers("the Kafka sources");
        KafkaSecretProperties.requireHiddenByFlink(settings.kafkaProperties());
    }

    /** The brokers answering, asked from each task's JVM ({@link BrokerReachability}). */
    @Override
    public InputReachability reachability() {
        return new BrokerReachability(bootstrapServers, settings.kafkaProperties());
    }

    @Override
    public DataStream<RawRecord> transactions(
            StreamExecutionEnvironment env, WatermarkStrategy<RawRecord> eventTime) {
        return read(
                env,
                settings.transactionsTopic().name(),
                eventTime,
                OperatorIds.TRANSACTIONS_SOURCE);
    }

    @Override
    public DataStream<RawRecord> profiles(
            StreamExecutionEnvironment env, WatermarkStrategy<RawRecord> eventTime) {
        return read(env, settings.profilesTopic().name(), eventTime, OperatorIds.PROFILES_SOURCE);
    }

    @Override
    public DataStream<RawRecord> signatures(
            StreamExecutionEnvironment env, WatermarkStrategy<RawRecord> eventTime) {
        return read(
                env, settings.signaturesTopic().name(), eventTime, OperatorIds.SIGNATURES_SOURCE);
    }

    /**
     * The model-updates topic, read from its start whatever {@code starting-offsets} says: a job
     * started without a checkpoint replays the announcements and ends on the newest one that passes
     * its checks, rather than on its start snapshot while a newer model is in production.
     */
    @Override
    public Optional<DataStream<RawRecord>> modelUpdates(StreamExecutionEnvironment env) {
        return settings.modelUpdatesTopic()
                .map(
                        topic ->
                                env.fromSource(
                                                source(
                                                        topic.name(),
                                                        OperatorIds.MODEL_UPDATES_SOURCE,
                                                        OffsetsInitializer.earliest()),
                                                WatermarkStrategy.noWatermarks(),
                                                OperatorIds.MODEL_UPDATES_SOURCE.displayName())
                                        .uid(OperatorIds.MODEL_UPDATES_SOURCE.uid()));
    }

    private DataStream<RawRecord> read(
            StreamExecutionEnvironment env,
            String topic,
            WatermarkStrategy<RawRecord> eventTime,
            OperatorIds operator) {
        return env.fromSource(source(topic, operator), eventTime, operator.displayName())
                .uid(operator.uid());
    }

    /** The source of {@code topic}; package-private so that tests can inspect it. */
    KafkaSource<RawRecord> source(String topic, OperatorIds operator) {
        return source(topic, operator, startingOffsets(settings.startingOffsets()));
    }

    private KafkaSource<RawRecord> source(
            String topic, OperatorIds operator, OffsetsInitializer startingOffsets) {
        return KafkaSource.<RawRecord>builder()
                // Extra properties first, so the settings below win over them.
                .setProperties(settings.kafkaProperties())
                .setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId(settings.groupId())
                // Distinct client ids keep the three consumers' JMX metrics apart.
                .setClientIdPrefix(settings.groupId() + "-" + operator.uid())
                .setStartingOffsets(startingOffsets)
                .setDeserializer(new RawRecordDeserializer())
                .build();
    }

    // The connector's API still takes Kafka's deprecated OffsetResetStrategy.
    @SuppressWarnings("deprecation")
    static OffsetsInitializer startingOffsets(StartingOffsets startingOffsets) {
        return switch (startingOffsets) {
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        };
    }
}
