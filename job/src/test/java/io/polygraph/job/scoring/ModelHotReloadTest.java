package io.polygraph.job.scoring;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.joined;
import static io.polygraph.job.SampleRecords.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.ReferenceRecords;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.job.alert.AlertPolicy;
import io.polygraph.job.model.AnnouncedSnapshotLoader;
import io.polygraph.job.model.RejectionReason;
import io.polygraph.schema.Alert;
import io.polygraph.schema.JoinedTransaction;
import io.polygraph.schema.ModelAnnouncement;
import io.polygraph.schema.ModelRole;
import io.polygraph.schema.ShadowScore;
import io.polygraph.train.AutoencoderConfig;
import io.polygraph.train.AutoencoderDetectorConfig;
import io.polygraph.train.AutoencoderDetectorTrainer;
import io.polygraph.train.TrainingListener;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import io.polygraph.world.WorldJoin;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot model reload in the scoring operator, with real autoencoder snapshots (two trained on tiny
 * worlds, so that they score differently): swaps between batches, refusals that leave the old model
 * scoring, the swapped model restored from a checkpoint, and a shadow model that never changes an
 * alert.
 *
 * <p>The alert policy's threshold is raised above every score so that every scored record becomes a
 * candidate and the test sees which model scored each one.
 */
class ModelHotReloadTest {

    private static final int BATCH_SIZE = 3;
    private static final AlertPolicy EVERY_RECORD = AlertPolicy.defaults().withThreshold(1.0);

    @TempDir static Path directory;

    private static Path first;
    private static Path second;
    private static String firstVersion;
    private static String secondVersion;

    private TwoInputStreamOperatorTestHarness<JoinedTransaction, ModelAnnouncement, Alert> harness;
    private BatchScoringOperator operator;

    @BeforeAll
    static void trainTwoModels() throws IOException {
        first = directory.resolve("first.zip");
        second = directory.resolve("second.zip");
        firstVersion = saveWithReference(train(7), first);
        secondVersion = saveWithReference(train(8), second);
    }

    @AfterEach
    void closeHarness() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void swapsBetweenBatchesAndEveryAlertNamesTheModelThatScoredIt() throws Exception {
        open(null);
        send("tx-1", "tx-2");

        announce(second, secondVersion);
        send("tx-3", "tx-4", "tx-5");

        assertThat(versionsByTransaction())
                .containsExactly(
                        "tx-1@" + firstVersion,
                        "tx-2@" + firstVersion,
                        "tx-3@" + secondVersion,
                        "tx-4@" + secondVersion,
                        "tx-5@" + secondVersion);
        assertThat(operator.metrics().modelSwaps.getCount()).isEqualTo(1);
        assertThat(operator.metrics().modelRejections.getCount()).isZero();
    }

    @Test
    void aReplayedAnnouncementOfTheCurrentModelChangesNothing() throws Exception {
        open(null);
        announce(second, secondVersion);
        announce(second, secondVersion);

        assertThat(operator.metrics().modelSwaps.getCount()).isEqualTo(1);
    }

    @Test
    void refusedSnapshotsLeaveTheOldModelScoring() throws Exception {
        open(null);
        Path unchecked = directory.resolve("unchecked.zip");
        DetectorSnapshot.read(second).withoutReferenceRecords().save(unchecked);
        Path extraEntry = withExtraEntry(second, directory.resolve("extra.zip"));

        // The file is not the announced one (as when it is still being copied).
        operator.processElement2(
                new StreamRecord<>(announcement(second, secondVersion, "ab".repeat(32))));
        // Intact, but it holds another version than the one announced.
        announce(first, secondVersion);
        // An entry the snapshot format does not have.
        announce(extraEntry, secondVersion);
        // Nothing to check the loaded model with.
        announce(unchecked, secondVersion);
        // Not there at all.
        announce(directory.resolve("missing.zip"), secondVersion, "00".repeat(32));
        send("tx-1", "tx-2", "tx-3");

        assertThat(operator.metrics().modelRejections.getCount()).isEqualTo(5);
        for (RejectionReason reason :
                List.of(
                        RejectionReason.CHECKSUM_MISMATCH,
                        RejectionReason.VERSION_MISMATCH,
                        RejectionReason.ARCHIVE_INVALID,
                        RejectionReason.NO_REFERENCE_RECORDS,
                        RejectionReason.UNREADABLE)) {
            assertThat(operator.metrics().modelRejectionsByReason.get(reason).getCount())
                    .as(reason.name())
                    .isEqualTo(1);
        }
        assertThat(operator.metrics().modelSwaps.getCount()).isZero();
        assertThat(versionsByTransaction())
                .containsExactly(
                        "tx-1@" + firstVersion, "tx-2@" + firstVersion, "tx-3@" + firstVersion);
    }

    @Test
    void aRestoredSubtaskScoresWithTheModelItHadAtTheCheckpoint() throws Exception {
        open(null);
        announce(second, secondVersion);
        OperatorSubtaskState checkpoint = harness.snapshot(1L, 1L);
        harness.close();

        harness = newHarness(null);
        harness.initializeState(checkpoint);
        harness.open();
        send("tx-1", "tx-2", "tx-3");

        assertThat(versionsByTransaction())
                .containsExactly(
                        "tx-1@" + secondVersion, "tx-2@" + secondVersion, "tx-3@" + secondVersion);
    }

    @Test
    void aShadowModelScoresEveryRecordAndChangesNoAlert() throws Exception {
        open(new SnapshotScorerFactory(second));
        send("tx-1", "tx-2", "tx-3");

        List<Alert> alerts = harness.extractOutputValues();
        List<ShadowScore> shadow =
                harness.getSideOutput(BatchScoringOperator.SHADOW_SCORES).stream()
                        .map(StreamRecord::getValue)
                        .toList();
        assertThat(versionsByTransaction())
                .containsExactly(
                        "tx-1@" + firstVersion, "tx-2@" + firstVersion, "tx-3@" + firstVersion);
        assertThat(shadow).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(shadow.get(i).getTransactionId())
                    .isEqualTo(alerts.get(i).getTransactionId());
            assertThat(shadow.get(i).getShadowModelVersion()).isEqualTo(secondVersion);
            assertThat(shadow.get(i).getPrimaryModelVersion()).isEqualTo(firstVersion);
            assertThat(shadow.get(i).getPrimaryScore()).isEqualTo(alerts.get(i).getScore());
        }
        assertThat(shadow)
                .as("the two models really differ")
                .anySatisfy(s -> assertThat(s.getShadowScore()).isNotEqualTo(s.getPrimaryScore()));
        assertThat(operator.metrics().shadowRecordsScored.getCount()).isEqualTo(3);
    }

    @Test
    void aShadowAnnouncementSwapsOnlyTheShadowModel() throws Exception {
        open(null);
        ModelAnnouncement shadow = announcement(second, secondVersion, sha256(second));
        shadow.setRole(ModelRole.SHADOW);
        operator.processElement2(new StreamRecord<>(shadow));
        send("tx-1", "tx-2", "tx-3");

        assertThat(versionsByTransaction()).allMatch(v -> v.endsWith("@" + firstVersion));
        assertThat(harness.getSideOutput(BatchScoringOperator.SHADOW_SCORES)).hasSize(3);
    }

    @Test
    void theControlInputNeverHoldsBackTheWatermark() throws Exception {
        open(null);
        harness.processWatermark1(new Watermark(T0.toEpochMilli()));

        assertThat(harness.getOutput())
                .anySatisfy(
                        element -> assertThat(element).isEqualTo(new Watermark(T0.toEpochMilli())));
    }

    private void open(SnapshotScorerFactory shadow) throws Exception {
        harness = newHarness(shadow);
        harness.open();
    }

    private TwoInputStreamOperatorTestHarness<JoinedTransaction, ModelAnnouncement, Alert>
            newHarness(SnapshotScorerFactory shadow) throws Exception {
        operator =
                new BatchScoringOperator(
                        new SnapshotScorerFactory(first),
                        shadow,
                        new BatchTrigger(BATCH_SIZE, Duration.ofMinutes(1)),
                        EVERY_RECORD);
        return new TwoInputStreamOperatorTestHarness<>(operator);
    }

    private void send(String... transactionIds) throws Exception {
        for (String id : transactionIds) {
            JoinedTransaction record = joined(transaction("entity-1", id, T0).build()).build();
            harness.processElement1(new StreamRecord<>(record, T0.toEpochMilli()));
        }
    }

    private void announce(Path snapshot, String version) throws Exception {
        announce(snapshot, version, sha256(snapshot));
    }

    private void announce(Path snapshot, String version, String sha256) throws Exception {
        harness.processElement2(new StreamRecord<>(announcement(snapshot, version, sha256)));
    }

    private List<String> versionsByTransaction() {
        return harness.extractOutputValues().stream()
                .map(alert -> alert.getTransactionId() + "@" + alert.getModelVersion())
                .toList();
    }

    private static ModelAnnouncement announcement(Path snapshot, String version, String sha256) {
        return ModelAnnouncement.newBuilder()
                .setLocation(snapshot.toString())
                .setVersion(version)
                .setSha256(sha256)
                .setAnnouncedAt(Instant.now())
                .build();
    }

    private static String sha256(Path file) throws IOException {
        return Files.exists(file)
                ? AnnouncedSnapshotLoader.sha256(Files.readAllBytes(file))
                : "00".repeat(32);
    }

    private static DetectorSnapshot train(long seed) {
        WorldConfig world =
                WorldConfig.defaults()
                        .withSeed(seed)
                        .withCustomers(12)
                        .withSpan(Duration.ofDays(5));
        AutoencoderDetectorConfig config =
                AutoencoderDetectorConfig.defaults()
                        .withNetwork(new AutoencoderConfig(List.of(8), 4, 64, 1e-3, 0.0, 0.0, 0))
                        .withEpochs(1);
        var records = WorldJoin.join(WorldGenerator.generate(world), config.recentLimit());
        DetectorSnapshot trained =
                new AutoencoderDetectorTrainer(config)
                        .train(records, TrainingListener.NONE)
                        .snapshot();
        return trained.withReferenceRecords(
                ReferenceRecords.evenlySpaced(
                        records.stream().map(WorldJoin.LabelledRecord::record).toList(), 8));
    }

    private static String saveWithReference(DetectorSnapshot snapshot, Path file)
            throws IOException {
        snapshot.save(file);
        return snapshot.modelInfo().version();
    }

    /** A copy of {@code snapshot} with one more zip entry than its format has. */
    private static Path withExtraEntry(Path snapshot, Path copy) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(snapshot));
                OutputStream file = Files.newOutputStream(copy);
                ZipOutputStream out = new ZipOutputStream(file)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
            }
            out.putNextEntry(new ZipEntry("notes/readme.txt"));
            out.write("not part of a snapshot".getBytes(StandardCharsets.UTF_8));
        }
        return copy;
    }
}
