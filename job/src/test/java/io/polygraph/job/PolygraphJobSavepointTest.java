package io.polygraph.job;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.enrolment;
import static io.polygraph.job.SampleRecords.profile;
import static io.polygraph.job.SampleRecords.raw;
import static io.polygraph.job.SampleRecords.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.detector.ReasonCodes;
import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.job.join.LateRecordDeadLetters;
import io.polygraph.job.join.LateRecordKind;
import io.polygraph.schema.Alert;
import io.polygraph.schema.DeadLetter;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The join's state survives a savepoint: a profile read before the savepoint joins a transaction
 * read only by the job restored from it; and a transaction that arrives behind the restored job's
 * watermark ends up as a dead letter, not lost.
 *
 * <p>The whole job graph of {@link PolygraphJob#build} on a MiniCluster, with {@link
 * GatedJobSources} (which never end, so the job is running when the savepoint is taken) and the
 * {@link FixedScorer}: the model is not under test, only which profile reached it, and the fixed
 * scorer names a missing profile in its reason codes as the real detectors do.
 */
class PolygraphJobSavepointTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long ANOMALOUS = FixedScorer.ANOMALOUS_AMOUNT;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    @Test
    void profileReadBeforeTheSavepointJoinsATransactionReadAfterTheRestore(@TempDir Path dir)
            throws Exception {
        // Before the savepoint: e1's profile and enrolment, and a transaction that shows it reached
        // the join.
        GatedJobSources first = sources();
        QueueJobSinks firstSinks = new QueueJobSinks();
        JobClient job = submit(first, firstSinks, null);
        first.release(OperatorIds.PROFILES_SOURCE, 1);
        first.release(OperatorIds.SIGNATURES_SOURCE, 1);
        first.release(OperatorIds.TRANSACTIONS_SOURCE, 1);
        Alert before = firstSinks.awaitAlert(a -> a.getTransactionId().equals("tx-before"), WAIT);
        assertThat(before.getReasonCodes()).doesNotContain(ReasonCodes.PROFILE_MISSING);

        String savepoint =
                job.triggerSavepoint(dir.toUri().toString(), SavepointFormatType.CANONICAL).get();
        job.cancel().get();

        // After the restore: no profile is read again, yet tx-after is joined with e1's profile.
        GatedJobSources second = sources();
        QueueJobSinks secondSinks = new QueueJobSinks();
        JobClient restored = submit(second, secondSinks, savepoint);
        try {
            second.release(OperatorIds.TRANSACTIONS_SOURCE, 3);
            Alert after =
                    secondSinks.awaitAlert(a -> a.getTransactionId().equals("tx-after"), WAIT);
            assertThat(after.getReasonCodes())
                    .as("joined with the profile restored from the savepoint")
                    .doesNotContain(ReasonCodes.PROFILE_MISSING);
            // The probe times out only once the watermark passed T0 + 1 min: from now on, a
            // transaction of T0 + 30 s is late at the join.
            Alert probe = secondSinks.awaitAlert(a -> a.getTransactionId().equals("probe"), WAIT);
            assertThat(probe.getReasonCodes()).contains(ReasonCodes.PROFILE_MISSING);

            second.release(OperatorIds.TRANSACTIONS_SOURCE, 1);
            DeadLetter late =
                    secondSinks.awaitDeadLetter(d -> d.getReason().contains("tx-late"), WAIT);
            assertThat(late.getErrorClass()).isEqualTo(LateRecordKind.TRANSACTION.errorClass());
            assertThat(late.getSourceTopic()).isEqualTo(Topics.TRANSACTIONS_NAME);
            assertThat(late.getOffset()).isEqualTo(LateRecordDeadLetters.UNKNOWN_COORDINATE);
            assertThat(Topics.TRANSACTIONS.codec().decode(bytesOf(late)).getTransactionId())
                    .isEqualTo("tx-late");
        } finally {
            restored.cancel().get();
        }
    }

    /** The same records for both jobs; only the gates differ. */
    private static GatedJobSources sources() {
        GatedJobSources sources = new GatedJobSources();
        sources.profiles.add(
                raw(Topics.PROFILES, 0, "e1", profile("e1", T0.minusSeconds(3600)).build()));
        sources.signatures.add(
                raw(Topics.SIGNATURES, 0, "e1", enrolment("e1", T0.minusSeconds(3600)).build()));
        add(sources, tx("e1", "tx-before", T0.minusSeconds(60)));
        add(sources, tx("e1", "tx-after", T0));
        add(sources, tx("probe-entity", "probe", T0.plusSeconds(60)));
        add(sources, tx("clock-entity", "clock", T0.plusSeconds(120)));
        add(sources, tx("e1", "tx-late", T0.plusSeconds(30)));
        return sources;
    }

    private static JobClient submit(GatedJobSources sources, QueueJobSinks sinks, String savepoint)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        PolygraphJob.configureEnvironment(env, settings());
        PolygraphJob.build(env, sources, sinks, FixedScorer::new, settings());
        StreamGraph graph = env.getStreamGraph();
        if (savepoint != null) {
            // Non-restored state not allowed: every operator's state must find its uid.
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
        }
        return env.executeAsync(graph);
    }

    private static JobSettings settings() {
        Configuration config = new Configuration();
        config.set(PolygraphOptions.PARALLELISM, 1);
        config.set(PolygraphOptions.BATCH_SIZE, 1);
        // The watermark is the transactions' own: the other inputs turn idle at once, and a
        // transaction without a profile times out as soon as a later one has been read.
        config.set(PolygraphOptions.OUT_OF_ORDERNESS, Duration.ZERO);
        config.set(PolygraphOptions.IDLENESS, Duration.ofMillis(300));
        config.set(PolygraphOptions.MAX_JOIN_WAIT, Duration.ofMillis(1));
        return JobSettings.from(config);
    }

    private static void add(GatedJobSources sources, Transaction t) {
        long offset = sources.transactions.size();
        sources.transactions.add(raw(Topics.TRANSACTIONS, offset, t.getEntityId(), t));
    }

    private static Transaction tx(String entity, String id, Instant at) {
        return transaction(entity, id, at).setAmountMinor(ANOMALOUS).build();
    }

    private static byte[] bytesOf(DeadLetter letter) {
        java.nio.ByteBuffer value = letter.getOriginalValue().duplicate();
        byte[] bytes = new byte[value.remaining()];
        value.get(bytes);
        return bytes;
    }
}
