package io.polygraph.job;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.enrolment;
import static io.polygraph.job.SampleRecords.presented;
import static io.polygraph.job.SampleRecords.profile;
import static io.polygraph.job.SampleRecords.raw;
import static io.polygraph.job.SampleRecords.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.detector.ReasonCodes;
import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.job.decode.ValidationRule;
import io.polygraph.schema.Alert;
import io.polygraph.schema.DeadLetter;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole job graph of {@link PolygraphJob#build} on a Flink MiniCluster, with in-memory raw
 * records in, collected alerts and dead letters out, the {@link FixedScorer}, and generic (Kryo)
 * types disabled.
 */
class PolygraphJobPipelineTest {

    private static final long ANOMALOUS = FixedScorer.ANOMALOUS_AMOUNT;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    void alertsForAnomalousTransactionsAndDeadLettersForBadRecords() throws Exception {
        InMemoryJobSources sources = new InMemoryJobSources();
        addEntity(sources, "e1", 0);
        addEntity(sources, "e2", 10);
        add(sources, tx("e1", "e1-tx1", 1, 10), tx("e2", "e2-tx1", 1, ANOMALOUS));
        add(sources, signed("e1", "e1-tx2", 2, ANOMALOUS), tx("e2", "e2-tx2", 2, 10));
        add(sources, tx("e3-without-profile", "e3-tx1", 3, ANOMALOUS));
        sources.signatures.add(
                raw(Topics.SIGNATURES, 20, "e1", presented("e1", "e1-tx2", T0).build()));
        sources.transactions.add(raw(Topics.TRANSACTIONS_NAME, 100, null, new byte[] {1, 2, 3}));
        sources.transactions.add(raw(Topics.TRANSACTIONS_NAME, 101, bytes("e9"), null));
        sources.profiles.add(
                raw(Topics.PROFILES, 102, "e9", profile("e9", T0).setBirthYear(1800).build()));
        sources.signatures.add(
                raw(
                        Topics.SIGNATURES,
                        103,
                        "e9",
                        enrolment("e9", T0)
                                .setImageBytes(ByteBuffer.wrap(bytes("not an image")))
                                .build()));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        PolygraphJob.configureEnvironment(env, settings());
        CollectingJobSinks sinks = new CollectingJobSinks();
        PolygraphJob.build(env, sources, sinks, FixedScorer::new, settings());
        env.executeAsync("polygraph-pipeline-test");

        Map<String, Alert> alerts = byId(sinks.alerts(), Alert::getTransactionId);
        List<DeadLetter> deadLetters = sinks.deadLetters();

        assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
        assertThat(alerts).containsOnlyKeys("e1-tx2", "e2-tx1", "e3-tx1");
        assertThat(alerts.get("e3-tx1").getReasonCodes()).contains(ReasonCodes.PROFILE_MISSING);
        assertThat(alerts.get("e1-tx2").getReasonCodes())
                .as("the presented signature was joined")
                .doesNotContain(
                        ReasonCodes.PRESENTED_SIGNATURE_MISSING, ReasonCodes.PROFILE_MISSING);
        assertThat(alerts.get("e2-tx1").getAlertId()).isEqualTo("v1:e2-tx1");
        assertThat(deadLetters)
                .extracting(DeadLetter::getSourceTopic, DeadLetter::getOffset)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Topics.TRANSACTIONS_NAME, 100L),
                        org.assertj.core.groups.Tuple.tuple(Topics.TRANSACTIONS_NAME, 101L),
                        org.assertj.core.groups.Tuple.tuple(Topics.PROFILES_NAME, 102L),
                        org.assertj.core.groups.Tuple.tuple(Topics.SIGNATURES_NAME, 103L));
        assertThat(byId(deadLetters, d -> d.getOffset()).get(102L).getErrorClass())
                .isEqualTo(ValidationRule.BIRTH_YEAR_IMPLAUSIBLE.name());
    }

    @Test
    void configuredEnvironmentRefusesTypesThatWouldNeedKryo() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        PolygraphJob.configureEnvironment(env, settings());

        assertThatThrownBy(() -> env.fromData(UUID.randomUUID()).executeAndCollect(1))
                .hasStackTraceContaining("Generic types have been disabled");
    }

    private static JobSettings settings() {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.PARALLELISM, 2);
        config.set(PolygraphOptions.BATCH_SIZE, 2);
        // Longer than the test: no input may be declared idle while another still holds records.
        config.set(PolygraphOptions.IDLENESS, Duration.ofMinutes(10));
        return JobSettings.from(config);
    }

    private static void addEntity(InMemoryJobSources sources, String entity, long offset) {
        sources.profiles.add(
                raw(
                        Topics.PROFILES,
                        offset,
                        entity,
                        profile(entity, T0.minusSeconds(3600)).build()));
        sources.signatures.add(
                raw(
                        Topics.SIGNATURES,
                        offset,
                        entity,
                        enrolment(entity, T0.minusSeconds(3600)).build()));
    }

    private static void add(InMemoryJobSources sources, Transaction... transactions) {
        for (Transaction t : transactions) {
            long offset = sources.transactions.size();
            sources.transactions.add(raw(Topics.TRANSACTIONS, offset, t.getEntityId(), t));
        }
    }

    private static Transaction tx(String entity, String id, int second, long amount) {
        return transaction(entity, id, T0.plusSeconds(second)).setAmountMinor(amount).build();
    }

    private static Transaction signed(String entity, String id, int second, long amount) {
        return transaction(entity, id, T0.plusSeconds(second))
                .setAmountMinor(amount)
                .setSignatureCaptured(true)
                .build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static <K, V> Map<K, V> byId(List<V> items, Function<V, K> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
