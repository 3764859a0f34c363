package io.polygraph.deploy.bench;

import io.polygraph.job.kafka.RawRecordDeserializer;
import io.polygraph.schema.RawRecord;
import java.util.List;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The baseline of the end-to-end benchmark: a Flink job that copies the Polygraph job's input
 * records, unchanged, from the three input topics to one output topic, with the same Kafka source,
 * record type and exactly-once sink as the Polygraph job. What it costs is what Flink and Kafka
 * cost; what the Polygraph job costs beyond it is decoding, joining, scoring and the alert policy.
 */
final class PassThroughJob {

    private PassThroughJob() {}

    static void build(
            StreamExecutionEnvironment env,
            String bootstrapServers,
            List<String> inputTopics,
            String outputTopic,
            String groupId,
            String transactionalIdPrefix) {
        KafkaSource<RawRecord> source =
                KafkaSource.<RawRecord>builder()
                        .setBootstrapServers(bootstrapServers)
                        .setTopics(inputTopics)
                        .setGroupId(groupId)
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setDeserializer(new RawRecordDeserializer())
                        .build();
        Properties producer = new Properties();
        // The local broker allows one hour; Flink's default would be refused by a default broker.
        producer.setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "900000");
        KafkaSink<RawRecord> sink =
                KafkaSink.<RawRecord>builder()
                        .setBootstrapServers(bootstrapServers)
                        .setKafkaProducerConfig(producer)
                        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                        .setTransactionalIdPrefix(transactionalIdPrefix)
                        .setRecordSerializer(new CopyToTopic(outputTopic))
                        .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "Pass-through source")
                .sinkTo(sink)
                .name("Pass-through sink");
    }

    /** The record's key and value bytes, unchanged, to one topic. */
    private record CopyToTopic(String topic) implements KafkaRecordSerializationSchema<RawRecord> {
        @Override
        public ProducerRecord<byte[], byte[]> serialize(
                RawRecord record, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(topic, bytes(record.getKey()), bytes(record.getValue()));
        }

        private static byte[] bytes(java.nio.ByteBuffer buffer) {
            if (buffer == null) {
                return null;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
    }
}
