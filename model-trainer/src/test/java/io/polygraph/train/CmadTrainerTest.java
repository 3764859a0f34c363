package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.detector.CrossModalDetector;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.RecordScore;
import io.polygraph.eval.EvaluationReport;
import io.polygraph.schema.AnomalyType;
import io.polygraph.world.WorldJoin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains on a small world and checks the model on a world of other customers and writers. */
class CmadTrainerTest {

    private static final TrainerConfig CONFIG =
            TrainerConfig.builder().epochs(4).batchSize(64).signaturePairsPerWriter(4).build();

    private static TrainingResult result;
    private static final List<TrainingProgress> progress = new ArrayList<>();
    private static final List<String> stages = new ArrayList<>();

    @BeforeAll
    static void train() {
        List<WorldJoin.LabelledRecord> records = TestDetectors.world(101, 60, 14);
        result =
                new CmadTrainer(CONFIG)
                        .train(
                                records,
                                new TrainingListener() {
                                    @Override
                                    public void onStage(String stage) {
                                        stages.add(stage);
                                    }

                                    @Override
                                    public void onBatch(TrainingProgress update) {
                                        progress.add(update);
                                    }
                                });
    }

    @Test
    void consistentRecordsOfUnseenCustomersScoreAboveInconsistentOnes() {
        List<WorldJoin.LabelledRecord> other = TestDetectors.world(202, 40, 14);
        List<MultimodalRecord> records = TestDetectors.records(other);
        List<AnomalyType> types = other.stream().map(r -> r.label().getType()).toList();

        double[] scores;
        try (CrossModalDetector detector = CrossModalDetector.fromSnapshot(result.snapshot())) {
            scores = detector.score(records).stream().mapToDouble(RecordScore::score).toArray();
        }

        EvaluationReport report =
                EvaluationReport.of(
                        scores,
                        types,
                        result.snapshot().modelInfo().threshold(),
                        EvaluationReport.CROSS_MODAL);
        assertThat(mean(scores, types, true)).isGreaterThan(mean(scores, types, false) + 0.2);
        assertThat(report.auroc()).isGreaterThan(0.8);
    }

    @Test
    void reportsProgressForEveryBatchWithAnEstimateOfTimeLeft() {
        assertThat(stages).contains("encoding features", "training", "calibrating", "evaluating");
        assertThat(progress).isNotEmpty();
        TrainingProgress last = progress.get(progress.size() - 1);
        assertThat(last.epoch()).isEqualTo(CONFIG.epochs());
        assertThat(last.batchesDone()).isEqualTo(last.totalBatches());
        assertThat(last.estimatedRemaining()).isZero();
        assertThat(progress.get(0).estimatedRemaining()).isPositive();
        assertThat(progress).allSatisfy(p -> assertThat(p.loss()).isFinite());
        assertThat(progress)
                .extracting(TrainingProgress::pair)
                .contains("profile~transaction", "signature~enrolment");
    }

    @Test
    void theSnapshotCarriesItsCalibrationAndHeldOutMetrics(@TempDir Path directory)
            throws Exception {
        Path file = directory.resolve("cmad.zip");
        result.snapshot().save(file);

        DetectorSnapshot read = DetectorSnapshot.read(file);

        assertThat(read.manifest().targetAlertRate()).isEqualTo(CONFIG.targetAlertRate());
        assertThat(read.manifest().threshold()).isEqualTo(result.heldOut().threshold());
        assertThat(read.manifest().heldOutMetrics().get("auroc").asDouble())
                .isEqualTo(result.heldOut().auroc());
        assertThat(read.manifest().trainingConfig().get("epochs").asInt())
                .isEqualTo(CONFIG.epochs());
        assertThat(read.modelInfo().version()).startsWith("20").contains("-");
    }

    private static double mean(double[] scores, List<AnomalyType> types, boolean normal) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean isNormal = types.get(i) == AnomalyType.NORMAL;
            boolean crossModal = EvaluationReport.CROSS_MODAL.contains(types.get(i));
            if (normal ? isNormal : crossModal) {
                sum += scores[i];
                count++;
            }
        }
        return sum / count;
    }
}
