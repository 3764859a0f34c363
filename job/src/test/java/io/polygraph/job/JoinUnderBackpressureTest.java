package io.polygraph.job;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.enrolment;
import static io.polygraph.job.SampleRecords.presented;
import static io.polygraph.job.SampleRecords.profile;
import static io.polygraph.job.SampleRecords.raw;
import static io.polygraph.job.SampleRecords.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.detector.ReasonCodes;
import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.schema.Alert;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A slow detector backpressures the whole job; no input may then be taken for idle, or the
 * watermark runs ahead of it and transactions leave the join without their presented signature.
 *
 * <p>The signatures carry images, so their source fills the network buffers sooner and stalls
 * longer than the transactions'; the idleness is far shorter than those stalls. The sources'
 * watermarks must hold: an idle verdict on a stalled input would let the transactions' watermark
 * time the join out. (The job before source-level watermarks passed this test too; the demo's
 * earlier signature loss under backpressure was not reproduced on in-memory sources.)
 */
class JoinUnderBackpressureTest {

    private static final int CUSTOMERS = 300;
    private static final long MILLIS_PER_BATCH = 15;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    @Test
    void aSlowDetectorLosesNoPresentedSignature() throws Exception {
        InMemoryJobSources sources = new InMemoryJobSources();
        for (int i = 0; i < CUSTOMERS; i++) {
            String entity = "e" + i;
            Instant before = T0.minusSeconds(3600);
            sources.profiles.add(raw(Topics.PROFILES, i, entity, profile(entity, before).build()));
            sources.signatures.add(
                    raw(Topics.SIGNATURES, i, entity, enrolment(entity, before).build()));
        }
        for (int i = 0; i < CUSTOMERS; i++) {
            String entity = "e" + i;
            Instant at = T0.plusSeconds(i);
            Transaction signed =
                    transaction(entity, entity + "-tx", at)
                            .setAmountMinor(FixedScorer.ANOMALOUS_AMOUNT)
                            .setSignatureCaptured(true)
                            .build();
            sources.transactions.add(raw(Topics.TRANSACTIONS, i, entity, signed));
            sources.signatures.add(
                    raw(
                            Topics.SIGNATURES,
                            CUSTOMERS + i,
                            entity,
                            presented(entity, entity + "-tx", at).build()));
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        PolygraphJob.configureEnvironment(env, settings());
        CollectingJobSinks sinks = new CollectingJobSinks();
        PolygraphJob.build(
                env, sources, sinks, () -> new FixedScorer(MILLIS_PER_BATCH), settings());
        env.executeAsync("polygraph-backpressure-test");

        List<Alert> alerts = sinks.alerts();
        long withoutSignature =
                alerts.stream()
                        .filter(
                                alert ->
                                        alert.getReasonCodes()
                                                .contains(ReasonCodes.PRESENTED_SIGNATURE_MISSING))
                        .count();
        assertThat(alerts).hasSize(CUSTOMERS);
        assertThat(withoutSignature).as("transactions scored without their signature").isZero();
    }

    private static JobSettings settings() {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.PARALLELISM, 1);
        config.set(PolygraphOptions.BATCH_SIZE, 1);
        // Far shorter than the stalls a slow detector causes: only backpressure-aware idleness
        // keeps the signature input from being declared idle.
        config.set(PolygraphOptions.IDLENESS, Duration.ofMillis(200));
        return JobSettings.from(config);
    }
}
