package io.polygraph.job.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.job.FixedScorer;
import io.polygraph.job.OperatorIds;
import io.polygraph.job.PolygraphJob;
import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.job.config.StartingOffsets;
import io.polygraph.schema.RawRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** The job graph with its Kafka ends, built (not run): uids, types and Kafka settings. */
class KafkaJobGraphTest {

    @Test
    void everyOperatorHasItsStableUidAndNoTypeNeedsKryo() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Configuration withModelUpdates = new Configuration();
        withModelUpdates.set(PolygraphOptions.MODEL_UPDATES_TOPIC, "polygraph.model-updates");
        JobSettings settings = settings(withModelUpdates);
        PolygraphJob.configureEnvironment(env, settings);
        PolygraphJob.build(
                env,
                new KafkaJobSources(settings),
                new KafkaJobSinks(settings),
                FixedScorer::new,
                settings);

        // Building the stream graph creates every serializer: a Kryo fallback would throw here.
        StreamGraph graph = env.getStreamGraph();

        List<String> uids =
                graph.getStreamNodes().stream().map(StreamNode::getTransformationUID).toList();
        assertThat(uids)
                .containsAll(Arrays.stream(OperatorIds.values()).map(OperatorIds::uid).toList());
    }

    @Test
    void kafkaEndsNeedBootstrapServers() {
        JobSettings settings = JobSettings.defaults();

        assertThatThrownBy(() -> new KafkaJobSources(settings))
                .hasMessageContaining(PolygraphOptions.BOOTSTRAP_SERVERS.key());
        assertThatThrownBy(() -> new KafkaJobSinks(settings))
                .hasMessageContaining(PolygraphOptions.BOOTSTRAP_SERVERS.key());
    }

    @Test
    void sourceIsUnboundedAndEmitsRawRecords() {
        KafkaSource<RawRecord> source =
                new KafkaJobSources(settings(new Configuration()))
                        .source("topic-a", OperatorIds.TRANSACTIONS_SOURCE);

        assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(source.getProducedType()).isEqualTo(new AvroTypeInfo<>(RawRecord.class));
        for (StartingOffsets offsets : StartingOffsets.values()) {
            assertThat(KafkaJobSources.startingOffsets(offsets)).isNotNull();
        }
    }

    @Test
    void exactlyOnceProducersGetATransactionTimeoutABrokerAccepts() {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.DELIVERY_GUARANTEE, DeliveryGuarantee.EXACTLY_ONCE);
        config.set(PolygraphOptions.TRANSACTIONAL_ID_PREFIX, "pg");
        config.setString("polygraph.kafka.properties.acks", "all");
        KafkaJobSinks sinks = new KafkaJobSinks(settings(config));

        Properties properties = sinks.producerProperties(DeliveryGuarantee.EXACTLY_ONCE);

        assertThat(properties)
                .containsEntry("transaction.timeout.ms", "900000")
                .containsEntry("acks", "all");
        assertThat(sinks.producerProperties(DeliveryGuarantee.AT_LEAST_ONCE))
                .doesNotContainKey("transaction.timeout.ms");
        assertThat(sinks.sink(io.polygraph.topic.Topics.ALERTS, KafkaJobSinks::alertKey, "alerts"))
                .isNotNull();
    }

    @Test
    void producersSendAtOnceUnlessToldToLinger() {
        KafkaJobSinks byDefault = new KafkaJobSinks(settings(new Configuration()));
        Configuration lingering = new Configuration();
        lingering.setString("polygraph.kafka.properties.linger.ms", "20");
        KafkaJobSinks told = new KafkaJobSinks(settings(lingering));

        for (DeliveryGuarantee guarantee :
                List.of(DeliveryGuarantee.AT_LEAST_ONCE, DeliveryGuarantee.EXACTLY_ONCE)) {
            assertThat(byDefault.producerProperties(guarantee)).containsEntry("linger.ms", "0");
            assertThat(told.producerProperties(guarantee)).containsEntry("linger.ms", "20");
        }
    }

    private static JobSettings settings(Configuration config) {
        config.set(PolygraphOptions.BOOTSTRAP_SERVERS, "localhost:9092");
        return JobSettings.from(config);
    }
}
