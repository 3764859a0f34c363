package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.ReasonCodes;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.fusion.DetectionHead;
import io.polygraph.fusion.DmafnDetector;
import io.polygraph.fusion.DmafnDetectorType;
import io.polygraph.fusion.FusionExplanation;
import io.polygraph.fusion.FusionInputs;
import io.polygraph.fusion.FusionMode;
import io.polygraph.fusion.FusionNetwork;
import io.polygraph.fusion.FusionRow;
import io.polygraph.fusion.FusionRows;
import io.polygraph.fusion.Modality;
import io.polygraph.schema.AnomalyType;
import io.polygraph.world.WorldJoin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains DMAFN on a small world and checks what the detector says of another one. */
class FusionTrainerTest {

    private static final FusionConfig CONFIG = FusionConfig.defaults().withEpochs(3);

    private static FusionTrainingResult result;
    private static List<WorldJoin.LabelledRecord> other;
    private static final List<TrainingProgress> progress = new ArrayList<>();

    @BeforeAll
    static void train() {
        result =
                new FusionTrainer(CONFIG)
                        .train(
                                TestDetectors.world(101, 30, 10),
                                new TrainingListener() {
                                    @Override
                                    public void onBatch(TrainingProgress update) {
                                        progress.add(update);
                                    }
                                });
        other = TestDetectors.world(202, 20, 10);
    }

    @Test
    void trainingReportsProgressAndTheLossFalls() {
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).epoch()).isEqualTo(CONFIG.epochs());
        double[] losses = result.epochLosses();
        assertThat(losses).hasSize(CONFIG.epochs());
        assertThat(losses[losses.length - 1]).isLessThan(losses[0]);
    }

    @Test
    void everyRecordGetsAFiniteScoreOnTheCommonScaleWithAttentionOverItsModalities() {
        DmafnDetector detector = result.detector();
        List<MultimodalRecord> records = TestDetectors.records(other);
        List<FusionExplanation> explained = detector.explain(records);

        assertThat(explained).hasSize(records.size());
        for (FusionExplanation explanation : explained) {
            RecordScore score = explanation.score();
            assertThat(score.score()).isFinite().isBetween(-1.0, 1.0);
            assertThat(score.anomalous())
                    .isEqualTo(score.score() < detector.calibration().threshold());
            double weights =
                    explanation.attention().values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum();
            assertThat(weights).isCloseTo(1.0, within(1e-4));
            assertThat(explanation.attention())
                    .containsKey(Modality.TRANSACTION.contributionName());
        }
    }

    @Test
    void scoringWithAttentionCarriesTheExplainedWeightsInEachVerdict() {
        List<MultimodalRecord> records = TestDetectors.records(other).subList(0, 50);

        List<RecordScore> scores = result.detector().score(records);
        List<FusionExplanation> explained = result.detector().explain(records);

        for (int i = 0; i < records.size(); i++) {
            assertThat(scores.get(i).modalityWeights())
                    .isNotEmpty()
                    .isEqualTo(explained.get(i).attention());
        }
    }

    @Test
    void normalRecordsOfUnseenCustomersScoreAroundTheMiddleOfTheScale() {
        List<MultimodalRecord> normal =
                other.stream()
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
        List<MultimodalRecord> records = TestDetectors.records(other).subList(0, 300);
        List<RecordScore> whole = result.detector().score(records);
        for (int start = 0; start < records.size(); start += 70) {
            List<MultimodalRecord> chunk =
                    records.subList(start, Math.min(records.size(), start + 70));
            List<RecordScore> part = result.detector().score(chunk);
            for (int k = 0; k < part.size(); k++) {
                assertThat(part.get(k).score())
                        .as("record %d", start + k)
                        .isCloseTo(whole.get(start + k).score(), within(1e-5));
            }
        }
    }

    @Test
    void oneRunOnRowsStackedOncePerMaskGivesEachCopyTheErrorsOfARunOfItsOwn() {
        DmafnDetector detector = result.detector();
        List<FusionRow> rows =
                FusionRows.encode(TestDetectors.records(other).subList(0, 60), detector.encoding());
        float[][] presence = FusionInputs.presence(rows);
        List<float[][]> masks = new ArrayList<>();
        for (Modality hidden : List.of(Modality.TRANSACTION, Modality.PRESENTED_SIGNATURE)) {
            float[][] mask = new float[rows.size()][];
            for (int i = 0; i < rows.size(); i++) {
                mask[i] = presence[i].clone();
                mask[i][hidden.ordinal()] = 0f;
            }
            masks.add(mask);
        }
        FusionNetwork network = detector.network();

        double[][] stacked =
                network.run(FusionInputs.stacked(rows, detector.encoding().shape(), masks))
                        .modalityErrors();

        assertThat(stacked).hasNumberOfRows(masks.size() * rows.size());
        for (int c = 0; c < masks.size(); c++) {
            double[][] alone =
                    network.run(FusionInputs.of(rows, detector.encoding().shape(), masks.get(c)))
                            .modalityErrors();
            for (int i = 0; i < rows.size(); i++) {
                for (int k = 0; k < alone[i].length; k++) {
                    assertThat(stacked[c * rows.size() + i][k])
                            .as("copy %d, row %d, modality %d", c, i, k)
                            .isCloseTo(alone[i][k], within(1e-4 * (1 + Math.abs(alone[i][k]))));
                }
            }
        }
    }

    @Test
    void aMissingProfileIsLeftOutAndNamed() {
        MultimodalRecord full = TestDetectors.records(other).get(0);
        MultimodalRecord withoutProfile =
                new MultimodalRecord(
                        full.transaction(),
                        full.recentTransactions(),
                        null,
                        full.enrolmentSignature(),
                        full.presentedSignature());
        FusionExplanation explained = result.detector().explain(List.of(withoutProfile)).get(0);

        assertThat(explained.score().reasonCodes()).contains(ReasonCodes.PROFILE_MISSING);
        assertThat(explained.score().contributions())
                .noneMatch(c -> c.name().equals(Modality.PROFILE.contributionName()));
        assertThat(explained.attention()).doesNotContainKey(Modality.PROFILE.contributionName());
        assertThat(explained.score().score()).isFinite();
    }

    @Test
    void aSavedSnapshotLoadsAsADmafnScorerThatScoresExactlyAsTheTrainedDetector(@TempDir Path dir)
            throws Exception {
        List<MultimodalRecord> records = TestDetectors.records(other).subList(0, 200);
        Path file = dir.resolve("dmafn.zip");
        result.snapshot().save(file);

        DetectorSnapshot loaded = DetectorSnapshot.read(file);
        assertThat(loaded.type().id()).isEqualTo(DmafnDetectorType.ID);
        assertThat(loaded.modelInfo().threshold())
                .isEqualTo(result.detector().calibration().threshold());
        try (BatchScorer scorer = new SnapshotScorerFactory(file).create()) {
            assertThat(scorer).isInstanceOf(DmafnDetector.class);
            assertThat(scorer.score(records)).isEqualTo(result.detector().score(records));
        }
    }

    @Test
    void theClassifierHeadAndTheOtherFusionModesTrainAndScore() {
        List<MultimodalRecord> records = TestDetectors.records(other).subList(0, 50);
        for (FusionConfig config :
                List.of(
                        CONFIG.withEpochs(1).withMode(FusionMode.EARLY),
                        CONFIG.withEpochs(1).withMode(FusionMode.LATE),
                        CONFIG.withEpochs(1).withHead(DetectionHead.CLASSIFIER))) {
            FusionTrainingResult trained =
                    new FusionTrainer(config)
                            .train(TestDetectors.world(303, 20, 7), TrainingListener.NONE);
            List<FusionExplanation> explained = trained.detector().explain(records);
            assertThat(explained).allSatisfy(e -> assertThat(e.score().score()).isFinite());
            assertThat(explained.get(0).attention().isEmpty())
                    .isEqualTo(config.mode() != FusionMode.ATTENTION);
            if (config.head() == DetectionHead.CLASSIFIER) {
                assertThat(explained)
                        .allSatisfy(e -> assertThat(e.score().contributions()).isEmpty());
            }
        }
    }
}
