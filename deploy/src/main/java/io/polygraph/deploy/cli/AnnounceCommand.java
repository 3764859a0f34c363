package io.polygraph.deploy.cli;

import io.polygraph.job.model.ModelAnnouncements;
import io.polygraph.schema.ModelAnnouncement;
import io.polygraph.schema.ModelRole;
import io.polygraph.topic.Topic;
import io.polygraph.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code polygraph announce}: tells a running job to swap to a snapshot, by publishing its
 * location, version and SHA-256 on the job's model-updates topic.
 */
@Command(
        name = "announce",
        mixinStandardHelpOptions = true,
        description =
                "Announce a trained snapshot to running jobs (polygraph.model.updates-topic): every"
                        + " scoring subtask checks it (SHA-256, archive, reference records) and"
                        + " swaps to it between two batches, without a restart. Put the file where"
                        + " every task manager can read it first, written aside and renamed.")
final class AnnounceCommand implements Callable<Integer> {

    @Option(
            names = "--snapshot",
            paramLabel = "FILE",
            required = true,
            description = "The snapshot to announce, as this machine sees it.")
    Path snapshot;

    @Option(
            names = "--location",
            paramLabel = "PATH",
            description =
                    "Where the task managers read it, when that differs from --snapshot (another"
                            + " mount point of the shared volume). Default: the absolute path of"
                            + " --snapshot.")
    String location;

    @Option(
            names = "--role",
            description = "PRIMARY (scores for alerts) or SHADOW. Default: ${DEFAULT-VALUE}.")
    ModelRole role = ModelRole.PRIMARY;

    @Option(names = "--topic", description = "The model-updates topic. Default: ${DEFAULT-VALUE}.")
    String topic = Topics.MODEL_UPDATES_NAME;

    @Mixin KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        String readAt = location != null ? location : snapshot.toAbsolutePath().toString();
        ModelAnnouncement announcement = ModelAnnouncements.forSnapshot(snapshot, readAt, role);
        Topic<ModelAnnouncement> updates = Topics.modelUpdates(topic);
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(
                            new ProducerRecord<>(
                                    updates.name(),
                                    announcement.getVersion().getBytes(StandardCharsets.UTF_8),
                                    updates.codec().encode(announcement)))
                    .get();
        }
        System.out.printf(
                "Announced %s model version %s (SHA-256 %s) at %s on %s%n",
                role, announcement.getVersion(), announcement.getSha256(), readAt, updates.name());
        return 0;
    }
}
