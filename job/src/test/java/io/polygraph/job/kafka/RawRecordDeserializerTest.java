package io.polygraph.job.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.job.ByteArrays;
import io.polygraph.schema.RawRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RawRecordDeserializerTest {

    private final RawRecordDeserializer deserializer = new RawRecordDeserializer();

    @Test
    void copiesCoordinatesTimestampKeyAndValueWithoutDecoding() {
        byte[] garbage = {(byte) 0xFF, 0x00, 0x13};
        RawRecord raw = deserialize(record(new byte[] {'k'}, garbage));

        assertThat(raw.getTopic()).isEqualTo("topic-a");
        assertThat(raw.getPartition()).isEqualTo(3);
        assertThat(raw.getOffset()).isEqualTo(99);
        assertThat(raw.getTimestamp()).isEqualTo(1234);
        assertThat(ByteArrays.copyOf(raw.getKey())).containsExactly('k');
        assertThat(ByteArrays.copyOf(raw.getValue())).isEqualTo(garbage);
    }

    @Test
    void keepsMissingKeyAndTombstoneAsNull() {
        RawRecord raw = deserialize(record(null, null));

        assertThat(raw.getKey()).isNull();
        assertThat(raw.getValue()).isNull();
    }

    @Test
    void producesAvroTypedRecords() {
        assertThat(deserializer.getProducedType()).isEqualTo(new AvroTypeInfo<>(RawRecord.class));
    }

    private RawRecord deserialize(ConsumerRecord<byte[], byte[]> record) {
        List<RawRecord> out = new ArrayList<>();
        deserializer.deserialize(
                record,
                new Collector<>() {
                    @Override
                    public void collect(RawRecord raw) {
                        out.add(raw);
                    }

                    @Override
                    public void close() {}
                });
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] key, byte[] value) {
        return new ConsumerRecord<>(
                "topic-a",
                3,
                99,
                1234,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key,
                value,
                new RecordHeaders(),
                Optional.empty());
    }
}
