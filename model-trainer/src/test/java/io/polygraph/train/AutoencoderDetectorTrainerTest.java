package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.autoencoder.AutoencoderDetector;
import io.polygraph.autoencoder.AutoencoderDetectorType;
import io.polygraph.autoencoder.RowBlock;
import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.ReasonCodes;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.features.TestRecords;
import io.polygraph.schema.AnomalyType;
import io.polygraph.schema.SignaturePurpose;
import io.polygraph.world.WorldJoin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains the plain {@code autoencoder} detector on a small world and checks its scores, its
 * explanations and its snapshot on another one.
 */
class AutoencoderDetectorTrainerTest {

    private static final AutoencoderDetectorConfig CONFIG =
            AutoencoderDetectorConfig.defaults()
                    .withNetwork(new AutoencoderConfig(List.of(32), 8, 64, 1e-3, 0.0, 1e-5, 0))
                    .withEpochs(3);

    private static AutoencoderTrainingResult result;
    private static List<MultimodalRecord> other;

    @BeforeAll
    static void train() {
        result =
                new AutoencoderDetectorTrainer(CONFIG)
                        .train(TestDetectors.world(101, 30, 10), TrainingListener.NONE);
        other = TestDetectors.records(TestDetectors.world(202, 20, 10));
    }

    @Test
    void theLossFallsAndTheHeldOutEvaluationCountsEveryHeldOutRecord() {
        double[] losses = result.epochLosses();
        assertThat(losses).hasSize(CONFIG.epochs());
        assertThat(losses[losses.length - 1]).isLessThan(losses[0]);
        assertThat(result.duad()).isNull();
        assertThat(result.heldOut().summary()).contains("AUROC");
    }

    @Test
    void scoresAreOnTheCommonScaleAndVerdictsFollowTheThreshold() {
        AutoencoderDetector detector = result.detector();
        double threshold = detector.calibration().threshold();
        List<RecordScore> scores = detector.score(other);

        assertThat(scores).hasSize(other.size());
        for (RecordScore score : scores) {
            assertThat(score.score()).isFinite().isBetween(-1.0, 1.0);
            assertThat(score.anomalous()).isEqualTo(score.score() < threshold);
            assertThat(score.reasonCodes().contains(ReasonCodes.RECONSTRUCTION_ANOMALOUS))
                    .isEqualTo(score.anomalous());
            assertThat(score.contributions())
                    .extracting(RecordScore.Contribution::name)
                    .contains(RowBlock.TRANSACTION.contributionName());
        }
    }

    @Test
    void normalRecordsOfUnseenCustomersScoreAroundTheMiddleOfTheScale() {
        List<MultimodalRecord> normal =
                TestDetectors.world(202, 20, 10).stream()
                        .filter(r -> r.label().getType() == AnomalyType.NORMAL)
                        .map(WorldJoin.LabelledRecord::record)
                        .toList();
        double[] scores =
                result.detector().score(normal).stream().mapToDouble(RecordScore::score).toArray();
        Arrays.sort(scores);
        assertThat(scores[scores.length / 2]).isBetween(-0.4, 0.4);
    }

    @Test
    void aRecordScoresTheSameWhateverElseIsInItsBatch() {
        List<MultimodalRecord> records = other.subList(0, 300);
        List<RecordScore> whole = result.detector().score(records);
        for (int start = 0; start < records.size(); start += 70) {
            List<MultimodalRecord> chunk =
                    records.subList(start, Math.min(records.size(), start + 70));
            List<RecordScore> part = result.detector().score(chunk);
            for (int k = 0; k < part.size(); k++) {
                assertThat(part.get(k).score())
                        .as("record %d", start + k)
                        .isCloseTo(whole.get(start + k).score(), within(1e-6));
            }
        }
        RecordScore alone = result.detector().score(List.of(records.get(123))).get(0);
        assertThat(alone.score()).isCloseTo(whole.get(123).score(), within(1e-6));
    }

    @Test
    void aMissingProfileHasNoContributionAndIsNamed() {
        MultimodalRecord full = signed();
        MultimodalRecord withoutProfile =
                new MultimodalRecord(
                        full.transaction(),
                        full.recentTransactions(),
                        null,
                        full.enrolmentSignature(),
                        full.presentedSignature());

        RecordScore score = result.detector().score(List.of(withoutProfile)).get(0);

        assertThat(score.score()).isFinite();
        assertThat(score.reasonCodes()).contains(ReasonCodes.PROFILE_MISSING);
        assertThat(score.contributions())
                .extracting(RecordScore.Contribution::name)
                .doesNotContain(RowBlock.PROFILE.contributionName())
                .contains(RowBlock.PRESENTED_SIGNATURE.contributionName());
    }

    @Test
    void anUnreadableSignatureIsReportedWithoutFailingTheBatch() {
        MultimodalRecord record = signed();
        MultimodalRecord broken =
                new MultimodalRecord(
                        record.transaction(),
                        record.recentTransactions(),
                        record.profile(),
                        record.enrolmentSignature(),
                        TestRecords.signature(
                                "x",
                                SignaturePurpose.PRESENTED,
                                "t",
                                "garbage".getBytes(StandardCharsets.UTF_8)));

        List<RecordScore> scores = result.detector().score(List.of(broken, record));

        assertThat(scores.get(0).score()).isFinite();
        assertThat(scores.get(0).reasonCodes()).contains(ReasonCodes.SIGNATURE_UNREADABLE);
        assertThat(scores.get(0).contributions())
                .extracting(RecordScore.Contribution::name)
                .doesNotContain(RowBlock.PRESENTED_SIGNATURE.contributionName());
        assertThat(scores.get(1).reasonCodes()).doesNotContain(ReasonCodes.SIGNATURE_UNREADABLE);
        assertThat(scores.get(1).contributions()).hasSize(RowBlock.count());
    }

    @Test
    void aSavedSnapshotLoadsInTheJobsFactoryAndScoresExactlyAsTheTrainedDetector(@TempDir Path dir)
            throws Exception {
        List<MultimodalRecord> records = other.subList(0, 200);
        Path file = dir.resolve("autoencoder.zip");
        result.snapshot().save(file);

        DetectorSnapshot loaded = DetectorSnapshot.read(file);
        assertThat(loaded.type().id()).isEqualTo(AutoencoderDetectorType.ID);
        assertThat(loaded.manifest().name()).isEqualTo("autoencoder");
        assertThat(loaded.manifest().trainingConfig().get("method").asText())
                .isEqualTo(AutoencoderDetectorConfig.PLAIN);
        assertThat(loaded.modelInfo().threshold())
                .isEqualTo(result.detector().calibration().threshold());
        try (BatchScorer scorer = SnapshotScorerFactory.forJob(file).create()) {
            assertThat(scorer).isInstanceOf(AutoencoderDetector.class);
            assertThat(scorer.score(records)).isEqualTo(result.detector().score(records));
        }
    }

    private static MultimodalRecord signed() {
        return other.stream()
                .filter(
                        r ->
                                r.profile() != null
                                        && r.enrolmentSignature() != null
                                        && r.presentedSignature() != null)
                .findFirst()
                .orElseThrow();
    }
}
