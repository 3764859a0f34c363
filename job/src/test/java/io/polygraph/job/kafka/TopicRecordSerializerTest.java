package io.polygraph.job.kafka;

import static io.polygraph.job.SampleRecords.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.job.ByteArrays;
import io.polygraph.schema.Alert;
import io.polygraph.schema.DeadLetter;
import io.polygraph.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class TopicRecordSerializerTest {

    @Test
    void alertIsWrittenInTheTopicsWireFormatKeyedByEntity() throws Exception {
        Alert alert = alert();
        TopicRecordSerializer<Alert> serializer =
                new TopicRecordSerializer<>(Topics.alerts("alerts-x"), KafkaJobSinks::alertKey);

        ProducerRecord<byte[], byte[]> record = serializer.serialize(alert, null, 42L);

        assertThat(record.topic()).isEqualTo("alerts-x");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("entity-1");
        assertThat(record.timestamp()).isEqualTo(42L);
        assertThat(Topics.ALERTS.codec().decode(record.value())).isEqualTo(alert);
    }

    @Test
    void deadLetterKeepsTheOriginalKeyOrNone() {
        assertThat(KafkaJobSinks.deadLetterKey(deadLetter(new byte[] {7, 8})))
                .containsExactly(7, 8);
        assertThat(KafkaJobSinks.deadLetterKey(deadLetter(null))).isNull();
    }

    private static Alert alert() {
        return Alert.newBuilder()
                .setAlertId("v1:tx-1")
                .setEntityId("entity-1")
                .setTransactionId("tx-1")
                .setEventTime(T0)
                .setDetectionTime(T0.plusSeconds(1))
                .setScore(-0.5)
                .setThreshold(0.0)
                .setModelName("m")
                .setModelVersion("v1")
                .setContributions(new ArrayList<>())
                .setReasonCodes(new ArrayList<>())
                .build();
    }

    private static DeadLetter deadLetter(byte[] key) {
        return DeadLetter.newBuilder()
                .setSourceTopic("t")
                .setPartition(0)
                .setOffset(1)
                .setOriginalKey(ByteArrays.wrap(key))
                .setOriginalValue(ByteBuffer.wrap(new byte[] {1}))
                .setErrorClass("X")
                .setReason("r")
                .setFailedAt(T0)
                .build();
    }
}
