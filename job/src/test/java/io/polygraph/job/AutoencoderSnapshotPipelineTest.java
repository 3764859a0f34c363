package io.polygraph.job;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.enrolment;
import static io.polygraph.job.SampleRecords.presented;
import static io.polygraph.job.SampleRecords.profile;
import static io.polygraph.job.SampleRecords.raw;
import static io.polygraph.job.SampleRecords.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.autoencoder.ReconstructionCalibration;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.ReasonCodes;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.job.config.JobSettings;
import io.polygraph.job.config.PolygraphOptions;
import io.polygraph.schema.Alert;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.Topics;
import io.polygraph.train.AutoencoderConfig;
import io.polygraph.train.AutoencoderDetectorConfig;
import io.polygraph.train.AutoencoderDetectorTrainer;
import io.polygraph.train.AutoencoderTrainingResult;
import io.polygraph.train.TrainingListener;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import io.polygraph.world.WorldJoin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job graph of {@link PolygraphJob#build} scoring with a real {@code autoencoder} snapshot,
 * loaded through {@link SnapshotScorerFactory} in every subtask: the job runs a new detector type
 * without a line of its own code changed.
 *
 * <p>The detector is trained on a tiny generated world, and its threshold then raised above every
 * possible score, so that every scored transaction alerts and the test can see each of them.
 */
class AutoencoderSnapshotPipelineTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    void theJobScoresWithAnAutoencoderSnapshot(@TempDir Path directory) throws Exception {
        Path snapshot = directory.resolve("autoencoder.zip");
        alwaysAlertingAutoencoder().snapshot().save(snapshot);
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
        PolygraphJob.configureEnvironment(env, settings());
        CollectingJobSinks sinks = new CollectingJobSinks();
        PolygraphJob.build(env, sources, sinks, SnapshotScorerFactory.forJob(snapshot), settings());
        env.executeAsync("polygraph-autoencoder-pipeline-test");

        Map<String, Alert> alerts =
                sinks.alerts().stream()
                        .collect(Collectors.toMap(Alert::getTransactionId, Function.identity()));
        assertThat(alerts).containsOnlyKeys("e1-tx1", "e1-tx2", "e2-tx1");
        assertThat(alerts.values())
                .allSatisfy(
                        alert -> {
                            assertThat(alert.getModelName()).isEqualTo("autoencoder");
                            assertThat(alert.getScore()).isBetween(-1.0, 1.0);
                            assertThat(alert.getReasonCodes())
                                    .contains(ReasonCodes.RECONSTRUCTION_ANOMALOUS);
                        });
        assertThat(alerts.get("e2-tx1").getReasonCodes()).contains(ReasonCodes.PROFILE_MISSING);
        // As in PolygraphJobPipelineTest, the profile and the presented signature are joined for
        // certain; whether the enrolment signature is depends on the sources' interleaving.
        assertThat(alerts.get("e1-tx2").getContributions())
                .extracting(c -> c.getName())
                .contains("transaction", "profile", "presented-signature");
    }

    private static AutoencoderTrainingResult alwaysAlertingAutoencoder() {
        WorldConfig world =
                WorldConfig.defaults().withSeed(7).withCustomers(15).withSpan(Duration.ofDays(7));
        AutoencoderDetectorConfig config =
                AutoencoderDetectorConfig.defaults()
                        .withNetwork(new AutoencoderConfig(List.of(16), 4, 64, 1e-3, 0.0, 0.0, 0))
                        .withEpochs(1);
        AutoencoderTrainingResult trained =
                new AutoencoderDetectorTrainer(config)
                        .train(
                                WorldJoin.join(
                                        WorldGenerator.generate(world), config.recentLimit()),
                                TrainingListener.NONE);
        ReconstructionCalibration fitted = trained.detector().calibration();
        ReconstructionCalibration strict =
                new ReconstructionCalibration(
                        fitted.overall(), fitted.blocks(), 1.0, fitted.targetAlertRate());
        ModelInfo info = trained.detector().modelInfo();
        return new AutoencoderTrainingResult(
                trained.detector()
                        .withCalibration(
                                new ModelInfo(
                                        info.name(),
                                        info.version(),
                                        1.0,
                                        info.featureSpecVersion()),
                                strict),
                trained.config(),
                trained.epochLosses(),
                trained.duad(),
                trained.heldOut(),
                trained.trainingRecords(),
                trained.heldOutRecords(),
                trained.duration());
    }

    private static JobSettings settings() {
        Configuration config = new Configuration();
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
