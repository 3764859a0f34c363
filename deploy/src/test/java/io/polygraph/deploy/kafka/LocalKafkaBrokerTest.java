package io.polygraph.deploy.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerTest {

    @Test
    void servesTransactionalProduceAndReadCommittedConsume() throws Exception {
        try (LocalKafkaBroker broker =
                LocalKafkaBroker.start(LocalKafkaBroker.Settings.ephemeral())) {
            new TopicSetup(broker.adminConfig()).ensureTopics(List.of("greetings"), 2);

            try (var producer = new KafkaProducer<String, String>(producerConfig(broker))) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("greetings", "k", "committed")).get();
                producer.commitTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("greetings", "k", "aborted")).get();
                producer.abortTransaction();
            }

            assertThat(readAll(broker, "greetings")).containsExactly("committed");
        }
    }

    @Test
    void keepsItsDataAcrossARestartOnTheSameDirectory(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("kafka");
        try (LocalKafkaBroker broker =
                LocalKafkaBroker.start(new LocalKafkaBroker.Settings(dataDir, 0))) {
            new TopicSetup(broker.adminConfig()).ensureTopics(List.of("kept"), 1);
        }
        assertThat(Files.isDirectory(dataDir)).isTrue();

        try (LocalKafkaBroker broker =
                        LocalKafkaBroker.start(new LocalKafkaBroker.Settings(dataDir, 0));
                Admin admin = Admin.create(broker.adminConfig())) {
            Set<String> names = admin.listTopics().names().get();
            assertThat(names).contains("kept");
        }
    }

    @Test
    void topicsKeepRecordsWhoseTimestampsLieMonthsInThePast() throws Exception {
        try (LocalKafkaBroker broker =
                        LocalKafkaBroker.start(LocalKafkaBroker.Settings.ephemeral());
                Admin admin = Admin.create(broker.adminConfig())) {
            new TopicSetup(broker.adminConfig()).ensureTopics(List.of("old-events"), 1);
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "old-events");

            String retention =
                    admin.describeConfigs(List.of(topic))
                            .all()
                            .get()
                            .get(topic)
                            .get(TopicConfig.RETENTION_MS_CONFIG)
                            .value();

            // Generated worlds are stamped with event times months old: a time limit would
            // delete them while the job reads them.
            assertThat(retention).isEqualTo("-1");
        }
    }

    private static Map<String, Object> producerConfig(LocalKafkaBroker broker) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "test-tx",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class);
    }

    private static List<String> readAll(LocalKafkaBroker broker, String topic) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "reader",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            // Poll past the aborted record's transaction marker: read_committed must hide it.
            while (System.nanoTime() < deadline && values.isEmpty()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(
                            new String(
                                    r.value().getBytes(StandardCharsets.UTF_8),
                                    StandardCharsets.UTF_8));
                }
            }
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                values.add(r.value());
            }
        }
        return values;
    }
}
