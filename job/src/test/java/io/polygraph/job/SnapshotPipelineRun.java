package io.polygraph.job;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.enrolment;
import static io.polygraph.job.SampleRecords.presented;
import static io.polygraph.job.SampleRecords.profile;
import static io.polygraph.job.SampleRecords.raw;
import static io.polygraph.job.SampleRecords.transaction;

import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.schema.Alert;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the job graph of {@link PolygraphJob#build} over a few fixed records with a real snapshot,
 * loaded through {@link SnapshotScorerFactory} in every subtask: the shared scenario of the tests
 * that show a detector type runs in the job without a line of the job's code changed.
 *
 * <p>The records: entity {@code e1} with a profile and an enrolment signature, its unsigned {@code
 * e1-tx1} and its signed {@code e1-tx2} (presented signature joined); entity {@code
 * e2-without-profile} with {@code e2-tx1} and nothing else. Needs a running MiniCluster with two
 * slots.
 */
final class SnapshotPipelineRun {

    private SnapshotPipelineRun() {}

    /** The alerts of the job scoring the scenario with {@code snapshot}, by transaction id. */
    static Map<String, Alert> alertsByTransaction(Path snapshot, String jobName) throws Exception {
        return alertsByTransaction(snapshot, jobName, new Configuration());
    }

    /** The same, with the job's settings changed by {@code overrides} (alert policy, say). */
    static Map<String, Alert> alertsByTransaction(
            Path snapshot, String jobName, Configuration overrides) throws Exception {
        InMemoryJobSources sources = new InMemoryJobSources();
        sources.profiles.add(
                raw(Topics.PROFILES, 0, "e1", profile("e1", T0.minusSeconds(3600)).build()));
        sources.signatures.add(
                raw(Topics.SIGNATURES, 0, "e1", enrolment("e1", T0.minusSeconds(3600)).build()));
        add(sources, tx("e1", "e1-tx1", 1, false), tx("e1", "e1-tx2", 2, true));
        add(sources, tx("e2-without-profile", "e2-tx1", 3, false));
        sources.signatures.add(
                raw(Topics.SIGNATURES, 1, "e1", presented("e1", "e1-tx2", T0).build()));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobSettings settings = settings(overrides);
        PolygraphJob.configureEnvironment(env, settings);
        CollectingJobSinks sinks = new CollectingJobSinks();
        PolygraphJob.build(env, sources, sinks, SnapshotScorerFactory.forJob(snapshot), settings);
        env.executeAsync(jobName);

        return sinks.alerts().stream()
                .collect(Collectors.toMap(Alert::getTransactionId, Function.identity()));
    }

    private static JobSettings settings(Configuration overrides) {
        Configuration config = new Configuration(overrides);
        config.set(PolygraphOptions.PARALLELISM, 2);
        config.set(PolygraphOptions.BATCH_SIZE, 2);
        // Longer than the test: no input may be declared idle while another still holds records.
        config.set(PolygraphOptions.IDLENESS, Duration.ofMinutes(10));
        return JobSettings.from(config);
    }

    private static void add(InMemoryJobSources sources, Transaction... transactions) {
        for (Transaction t : transactions) {
            long offset = sources.transactions.size();
            sources.transactions.add(raw(Topics.TRANSACTIONS, offset, t.getEntityId(), t));
        }
    }

    private static Transaction tx(String entity, String id, int second, boolean signed) {
        return transaction(entity, id, T0.plusSeconds(second))
                .setAmountMinor(1000)
                .setSignatureCaptured(signed)
                .build();
    }
}
