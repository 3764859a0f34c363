package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.CmadSequenceParameters;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.SequenceCrossModalDetector;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.eval.EvaluationReport;
import io.polygraph.schema.AnomalyType;
import io.polygraph.world.WorldJoin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains a {@code cmad-sequence} detector on a tiny world, then checks its snapshot round trip and
 * what it says about records of unseen customers.
 */
class CmadSequenceTrainerTest {

    private static final TrainerConfig CONFIG =
            TrainerConfig.builder().epochs(3).batchSize(64).signaturePairsPerWriter(2).build();

    private static TrainingResult result;
    private static List<WorldJoin.LabelledRecord> unseen;
    private static final List<TrainingProgress> progress = new ArrayList<>();

    @BeforeAll
    static void train() {
        List<WorldJoin.LabelledRecord> records = TestDetectors.world(101, 40, 14);
        result =
                new CmadSequenceTrainer(CONFIG)
                        .train(
                                records,
                                new TrainingListener() {
                                    @Override
                                    public void onBatch(TrainingProgress update) {
                                        progress.add(update);
                                    }
                                });
        unseen = TestDetectors.world(202, 25, 14);
    }

    @Test
    void saveLoadScoreGivesIdenticalScoresThroughTheJobsFactory(@TempDir Path directory)
            throws Exception {
        Path file = directory.resolve("cmad-sequence.zip");
        result.snapshot().save(file);
        List<MultimodalRecord> records = TestDetectors.records(unseen);

        List<RecordScore> before;
        try (SequenceCrossModalDetector original =
                SequenceCrossModalDetector.fromSnapshot(result.snapshot())) {
            before = original.score(records);
        }
        List<RecordScore> after;
        try (BatchScorer loaded = new SnapshotScorerFactory(file).create()) {
            assertThat(loaded).isInstanceOf(SequenceCrossModalDetector.class);
            after = loaded.score(records);
        }

        assertThat(after).isEqualTo(before);
        DetectorSnapshot read = DetectorSnapshot.read(file);
        assertThat(read.type().id()).isEqualTo("cmad-sequence");
        assertThat(read.networkNames()).containsExactly("behaviour", "signature");
        assertThat(read.parameters(CmadSequenceParameters.class).history().steps())
                .isEqualTo(CmadSequenceTrainer.DEFAULT_HISTORY_STEPS);
        assertThat(read.manifest().trainingConfig().get("historySteps").asInt())
                .isEqualTo(CmadSequenceTrainer.DEFAULT_HISTORY_STEPS);
    }

    @Test
    void scoresEachRecordOnAllThreeBehaviourPairsAndItsSignature() {
        List<MultimodalRecord> records = TestDetectors.records(unseen);
        List<RecordScore> scores;
        try (BatchScorer detector = result.snapshot().newScorer()) {
            scores = detector.score(records);
        }

        assertThat(scores)
                .anySatisfy(
                        score ->
                                assertThat(score.contributions())
                                        .extracting(RecordScore.Contribution::name)
                                        .containsExactlyInAnyOrder(
                                                "profile~transaction",
                                                "profile~history",
                                                "transaction~history",
                                                "signature~enrolment"));
        // A customer's first transaction has no history: only profile~transaction is compared.
        int first = firstWithoutHistory(records);
        assertThat(scores.get(first).contributions())
                .extracting(RecordScore.Contribution::name)
                .doesNotContain("profile~history", "transaction~history");
        assertThat(scores).allSatisfy(score -> assertThat(score.score()).isBetween(-1.0, 1.0));
    }

    @Test
    void reportsAFiniteLossForTheBehaviourSpaceAndTheSignaturePair() {
        assertThat(progress)
                .extracting(TrainingProgress::pair)
                .contains("behaviour", "signature~enrolment");
        assertThat(progress).allSatisfy(p -> assertThat(p.loss()).isFinite().isPositive());
    }

    @Test
    void ranksCrossModalAnomaliesOfUnseenCustomersBelowNormalRecords() {
        List<MultimodalRecord> records = TestDetectors.records(unseen);
        List<AnomalyType> types = unseen.stream().map(r -> r.label().getType()).toList();
        double[] scores;
        try (BatchScorer detector = result.snapshot().newScorer()) {
            scores = detector.score(records).stream().mapToDouble(RecordScore::score).toArray();
        }

        EvaluationReport report =
                EvaluationReport.of(
                        scores,
                        types,
                        result.snapshot().modelInfo().threshold(),
                        EvaluationReport.CROSS_MODAL);
        assertThat(report.auroc()).isGreaterThan(0.7);
    }

    private static int firstWithoutHistory(List<MultimodalRecord> records) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).recentTransactions().isEmpty()) {
                return i;
            }
        }
        throw new AssertionError("the world has no first transaction");
    }
}
