package io.polygraph.it;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * What a test prints when committed output does not arrive: per partition, the last stable offset
 * (what {@code read_committed} consumers can read up to) against the high watermark (what was
 * written), and the transactions the broker still holds open. A gap with an open transaction is a
 * transaction that was neither committed nor aborted: it hides everything written after it.
 */
final class KafkaDiagnostics {

    private KafkaDiagnostics() {}

    static String describe(Map<String, Object> adminConfig, String topic) {
        try (Admin admin = Admin.create(adminConfig)) {
            int partitions =
                    admin.describeTopics(List.of(topic))
                            .allTopicNames()
                            .get(30, TimeUnit.SECONDS)
                            .get(topic)
                            .partitions()
                            .size();
            Map<TopicPartition, OffsetSpec> latest =
                    new TreeMap<>((a, b) -> Integer.compare(a.partition(), b.partition()));
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> stable = ends(admin, latest, IsolationLevel.READ_COMMITTED);
            Map<TopicPartition, Long> written =
                    ends(admin, latest, IsolationLevel.READ_UNCOMMITTED);
            String offsets =
                    latest.keySet().stream()
                            .map(
                                    tp ->
                                            tp.partition()
                                                    + ": stable "
                                                    + stable.get(tp)
                                                    + " / written "
                                                    + written.get(tp))
                            .collect(Collectors.joining(", "));
            String open =
                    admin.listTransactions().all().get(30, TimeUnit.SECONDS).stream()
                            .filter(t -> !t.state().toString().startsWith("COMPLETE"))
                            .map(TransactionListing::toString)
                            .collect(Collectors.joining("; "));
            return topic + " [" + offsets + "]; transactions not complete: [" + open + "]";
        } catch (Exception e) {
            return topic + ": no diagnostics (" + e + ")";
        }
    }

    /** The end offset of every partition of {@code topics}, for comparison with the job's. */
    static String endOffsets(Map<String, Object> adminConfig, List<String> topics) {
        try (Admin admin = Admin.create(adminConfig)) {
            Map<TopicPartition, OffsetSpec> latest =
                    new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            admin.describeTopics(topics)
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .forEach(
                            (name, d) ->
                                    d.partitions()
                                            .forEach(
                                                    p ->
                                                            latest.put(
                                                                    new TopicPartition(
                                                                            name, p.partition()),
                                                                    OffsetSpec.latest())));
            Map<String, Long> ends = new TreeMap<>();
            ends(admin, latest, IsolationLevel.READ_UNCOMMITTED)
                    .forEach((tp, offset) -> ends.put(tp.toString(), offset));
            return ends.toString();
        } catch (Exception e) {
            return "no end offsets (" + e + ")";
        }
    }

    private static Map<TopicPartition, Long> ends(
            Admin admin, Map<TopicPartition, OffsetSpec> specs, IsolationLevel isolation)
            throws Exception {
        return admin
                .listOffsets(specs, new ListOffsetsOptions(isolation))
                .all()
                .get(30, TimeUnit.SECONDS)
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
