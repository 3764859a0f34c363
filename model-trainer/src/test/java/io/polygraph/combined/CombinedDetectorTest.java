package io.polygraph.combined;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.EnrolmentCanvases;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.ReasonCodes;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.SnapshotManifest;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.fusion.DetectionHead;
import io.polygraph.graph.GraphBackend;
import io.polygraph.schema.AnomalyType;
import io.polygraph.train.CombinedTrainer;
import io.polygraph.train.FusionConfig;
import io.polygraph.train.TestDetectors;
import io.polygraph.train.TrainerConfig;
import io.polygraph.train.TrainingListener;
import io.polygraph.train.TrainingResult;
import io.polygraph.world.WorldJoin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains a small combination for real and checks its snapshot, scores and verdicts. */
class CombinedDetectorTest {

    private static final TrainerConfig CMAD =
            TrainerConfig.builder().epochs(2).batchSize(64).signaturePairsPerWriter(4).build();
    private static final FusionConfig DMAFN =
            FusionConfig.defaults().withEpochs(2).withHead(DetectionHead.CLASSIFIER);

    @TempDir static Path folder;

    private static TrainingResult result;
    private static Path file;
    private static List<MultimodalRecord> other;
    private static List<WorldJoin.LabelledRecord> calibration;

    @BeforeAll
    static void train() throws Exception {
        calibration = TestDetectors.world(303, 40, 14);
        result =
                new CombinedTrainer(CMAD, DMAFN)
                        .train(
                                TestDetectors.world(101, 60, 14),
                                calibration,
                                TrainingListener.NONE);
        file = folder.resolve("combined.zip");
        result.snapshot().save(file);
        other = TestDetectors.records(TestDetectors.world(202, 40, 14));
    }

    @Test
    void theSnapshotHoldsBothMembersWithTheirOwnManifests() throws Exception {
        DetectorSnapshot read = DetectorSnapshot.read(file);
        SnapshotManifest manifest = read.manifest();

        assertThat(manifest.detectorType()).isEqualTo(CombinedDetectorType.ID);
        assertThat(read.networkNames())
                .containsExactly("cmad-profile-transaction", "cmad-signature", "dmafn-fusion");
        List<CombinedParameters.Member> members =
                read.parameters(CombinedParameters.class).members();
        assertThat(members)
                .extracting(CombinedParameters.Member::name)
                .containsExactly("cmad", "dmafn");
        assertThat(members.get(1).manifest().detectorType()).isEqualTo("dmafn");
        assertThat(manifest.targetAlertRate()).isEqualTo(CMAD.targetAlertRate());
        assertThat(manifest.heldOutMetrics().path("auroc").isNumber()).isTrue();
    }

    @Test
    void verdictsCarryTheAttentionWeightsOfTheDmafnMemberUnderItsName() throws Exception {
        try (BatchScorer scorer = DetectorSnapshot.read(file).newScorer()) {
            for (RecordScore score : scorer.score(other.subList(0, 30))) {
                assertThat(score.modalityWeights().keySet())
                        .isNotEmpty()
                        .allSatisfy(name -> assertThat(name).startsWith("dmafn/"));
                assertThat(score.modalityWeights().values().stream().mapToDouble(w -> w).sum())
                        .isCloseTo(1.0, within(1e-4));
            }
        }
    }

    @Test
    void epsilonIsTheTargetQuantileOfTheCalibrationRecordsNormalScores() throws Exception {
        List<MultimodalRecord> normal =
                calibration.stream()
                        .filter(r -> r.label().getType() == AnomalyType.NORMAL)
                        .map(WorldJoin.LabelledRecord::record)
                        .toList();
        try (BatchScorer scorer = DetectorSnapshot.read(file).newScorer()) {
            long below = scorer.score(normal).stream().filter(RecordScore::anomalous).count();

            // floor(rate * n) records fall below epsilon; one either way for a record whose score
            // moves by float rounding between the calibration's batches and this one.
            long expected = (long) Math.floor(CMAD.targetAlertRate() * normal.size());
            assertThat(below).isBetween(expected - 1, expected + 1);
        }
        assertThat(
                        result.snapshot()
                                .manifest()
                                .trainingConfig()
                                .path("thresholdCalibratedOn")
                                .asText())
                .isEqualTo("independent calibration records");
        assertThat(result.snapshot().manifest().trainingConfig().path("thresholdRecords").asInt())
                .isEqualTo(normal.size());
    }

    @Test
    void theMembersHoldOutTheSameEntities() {
        FusionConfig trained = new CombinedTrainer(CMAD, DMAFN).dmafnConfig();

        assertThat(trained.seed()).isEqualTo(CMAD.seed());
        assertThat(trained.heldOutShare()).isEqualTo(CMAD.heldOutShare());
        assertThat(trained.recentLimit()).isEqualTo(CMAD.recentLimit());
        assertThat(trained.head()).isEqualTo(DetectionHead.CLASSIFIER);
    }

    @Test
    void aSavedAndReadSnapshotScoresExactlyAsTheTrainedOne() throws Exception {
        List<RecordScore> before;
        try (BatchScorer trained = result.snapshot().newScorer()) {
            before = trained.score(other);
        }
        try (BatchScorer loaded = SnapshotScorerFactory.forJob(file).create()) {
            assertThat(loaded.score(other)).isEqualTo(before);
        }
    }

    @Test
    void theScoreIsTheLowestMemberAndItsVerdictFollowsTheThreshold() throws Exception {
        try (BatchScorer scorer = DetectorSnapshot.read(file).newScorer()) {
            double threshold = scorer.modelInfo().threshold();
            for (RecordScore score : scorer.score(other)) {
                Map<String, Double> byName = new java.util.HashMap<>();
                score.contributions().forEach(c -> byName.put(c.name(), c.score()));
                double lowest = Math.min(byName.get("cmad"), byName.get("dmafn"));

                assertThat(score.score()).isEqualTo(lowest);
                assertThat(score.anomalous()).isEqualTo(lowest < threshold);
                assertThat(score.contributions().get(0).score())
                        .isEqualTo(
                                score.contributions().stream()
                                        .mapToDouble(RecordScore.Contribution::score)
                                        .min()
                                        .orElseThrow());
                if (byName.get("dmafn") < threshold) {
                    // The classifier head names no modality, so the combination says so.
                    assertThat(score.reasonCodes()).contains(ReasonCodes.SCORED_ANOMALOUS);
                }
                if (!score.anomalous()) {
                    assertThat(score.reasonCodes()).allMatch(ReasonCodes::isMissingModality);
                }
            }
        }
    }

    /**
     * Issue 8's bar for a GPU backend, met first by the plain-Java one every backend is checked
     * against: the same trained snapshot and records give scores, member scores and attention
     * weights within 1e-4 of ND4J's, and the same verdicts.
     */
    @Test
    void thePortableGraphBackendScoresAsNd4jDoes() throws Exception {
        DetectorSnapshot snapshot = DetectorSnapshot.read(file);
        List<RecordScore> expected;
        List<RecordScore> actual;
        try (BatchScorer nd4j = snapshot.newScorer();
                BatchScorer portable =
                        snapshot.withGraphBackend(GraphBackend.named("portable")).newScorer()) {
            expected = nd4j.score(other);
            actual = portable.score(other);
        }

        assertThat(actual).hasSameSizeAs(expected);
        double threshold = snapshot.manifest().threshold();
        for (int i = 0; i < expected.size(); i++) {
            RecordScore want = expected.get(i);
            RecordScore got = actual.get(i);
            assertThat(got.score()).as("score %d", i).isCloseTo(want.score(), within(1e-4));
            if (Math.abs(want.score() - threshold) > 1e-4) {
                assertThat(got.anomalous()).as("verdict %d", i).isEqualTo(want.anomalous());
            }
            assertThat(got.contributions()).hasSameSizeAs(want.contributions());
            for (int k = 0; k < want.contributions().size(); k++) {
                assertThat(got.contributions().get(k).name())
                        .isEqualTo(want.contributions().get(k).name());
                assertThat(got.contributions().get(k).score())
                        .as("member score %d of record %d", k, i)
                        .isCloseTo(want.contributions().get(k).score(), within(1e-4));
            }
            assertThat(got.modalityWeights().keySet()).isEqualTo(want.modalityWeights().keySet());
            want.modalityWeights()
                    .forEach(
                            (modality, weight) ->
                                    assertThat(got.modalityWeights().get(modality))
                                            .isCloseTo(weight, within(1e-4)));
        }
    }

    @Test
    void aRecordsScoreDoesNotDependOnItsBatch() throws Exception {
        try (BatchScorer scorer = DetectorSnapshot.read(file).newScorer()) {
            List<RecordScore> together = scorer.score(other.subList(0, 8));
            List<RecordScore> alone = new ArrayList<>();
            for (MultimodalRecord record : other.subList(0, 8)) {
                alone.addAll(scorer.score(List.of(record)));
            }
            for (int i = 0; i < alone.size(); i++) {
                assertThat(alone.get(i).score())
                        .isCloseTo(
                                together.get(i).score(),
                                org.assertj.core.api.Assertions.within(1e-5));
            }
        }
    }

    @Test
    void enrolmentCanvasesKeptFromEarlierBatchesGiveExactlyTheScoresOfAFreshScorer()
            throws Exception {
        List<MultimodalRecord> records = other.subList(0, 48);
        try (BatchScorer warm = DetectorSnapshot.read(file).newScorer();
                BatchScorer fresh = DetectorSnapshot.read(file).newScorer()) {
            inBatchesOf(16, records, warm);
            EnrolmentCanvases kept = warm.enrolmentCanvases().orElseThrow();
            long hitsBefore = kept.hits();

            List<RecordScore> again = inBatchesOf(16, records, warm);

            assertThat(kept.hits() - hitsBefore)
                    .as("the second pass reads the enrolments kept by the first")
                    .isPositive();
            assertThat(again).isEqualTo(inBatchesOf(16, records, fresh));
        }
    }

    private static List<RecordScore> inBatchesOf(
            int size, List<MultimodalRecord> records, BatchScorer scorer) {
        List<RecordScore> scores = new ArrayList<>();
        for (int from = 0; from < records.size(); from += size) {
            scores.addAll(
                    scorer.score(records.subList(from, Math.min(records.size(), from + size))));
        }
        return scores;
    }

    @Test
    void aMissingProfileIsReportedOnce() throws Exception {
        MultimodalRecord record = other.get(0);
        MultimodalRecord withoutProfile =
                new MultimodalRecord(
                        record.transaction(),
                        record.recentTransactions(),
                        null,
                        record.enrolmentSignature(),
                        record.presentedSignature());
        try (BatchScorer scorer = DetectorSnapshot.read(file).newScorer()) {
            RecordScore score = scorer.score(List.of(withoutProfile)).get(0);

            assertThat(score.score()).isFinite();
            assertThat(score.reasonCodes()).containsOnlyOnce(ReasonCodes.PROFILE_MISSING);
        }
    }

    @Test
    void aSnapshotWhoseMembersAreSwappedIsRefused() throws Exception {
        DetectorSnapshot read = DetectorSnapshot.read(file);
        List<CombinedParameters.Member> members =
                read.parameters(CombinedParameters.class).members();
        SnapshotManifest m = read.manifest();
        SnapshotManifest swapped =
                new SnapshotManifest(
                        m.formatVersion(),
                        m.detectorType(),
                        m.name(),
                        m.version(),
                        m.createdAt(),
                        m.threshold(),
                        m.targetAlertRate(),
                        m.featureSpecVersion(),
                        m.featureEncoding(),
                        new CombinedParameters(List.of(members.get(1), members.get(0))).toJson(),
                        m.trainingConfig(),
                        m.heldOutMetrics());
        Map<String, byte[]> networks = new java.util.LinkedHashMap<>();
        read.networkNames().forEach(name -> networks.put(name, read.network(name)));
        DetectorSnapshot bad = new DetectorSnapshot(swapped, networks);

        assertThatThrownBy(bad::newScorer)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not the expected 'cmad'");
    }
}
