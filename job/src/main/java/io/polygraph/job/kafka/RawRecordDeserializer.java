package io.polygraph.job.kafka;

import io.polygraph.job.ByteArrays;
import io.polygraph.schema.RawRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Copies a Kafka record's coordinates, timestamp, key and value into a {@link RawRecord} without
 * decoding anything.
 *
 * <p>Decoding happens downstream, in an operator that can send bad records to the dead-letter
 * topic; a deserializer that threw here would fail the source and, on every restart, fail again on
 * the same poison record.
 */
public final class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
        out.collect(
                RawRecord.newBuilder()
                        .setTopic(record.topic())
                        .setPartition(record.partition())
                        .setOffset(record.offset())
                        .setTimestamp(record.timestamp())
                        .setKey(ByteArrays.wrap(record.key()))
                        .setValue(ByteArrays.wrap(record.value()))
                        .build());
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return new AvroTypeInfo<>(RawRecord.class);
    }
}
