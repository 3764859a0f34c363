package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.ReasonCodes;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.RowModelDetector;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.gan.mmoc.MmocConfig;
import io.polygraph.mmoc.MmocDetectorType;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains a tiny {@code mmoc} detector on a small world and checks its training curves, its scores
 * and its snapshot on another one.
 */
class MmocDetectorTrainerTest {

    private static final int EPOCHS = 2;
    private static final int TARGET_EPOCHS = 3;

    private static final MmocDetectorConfig CONFIG =
            MmocDetectorConfig.defaults()
                    .withGan(
                            MmocConfig.builder()
                                    .discriminatorHidden(List.of(16, 16))
                                    .generatorHidden(List.of(16))
                                    .noiseWidth(8)
                                    .codes(2)
                                    .batchSize(64)
                                    .epochs(EPOCHS)
                                    .targetEpochs(TARGET_EPOCHS)
                                    .inputScaling(InputScaling.RAW)
                                    .build())
                    .withSeed(5);

    private static MmocTrainingResult result;
    private static List<MultimodalRecord> other;

    @BeforeAll
    static void train() {
        result =
                new MmocDetectorTrainer(CONFIG)
                        .train(TestDetectors.world(101, 20, 7), TrainingListener.NONE);
        other = TestDetectors.records(TestDetectors.world(202, 20, 10)).subList(0, 200);
    }

    @Test
    void everyEpochOfEveryNetworkHasAFiniteLossAndTheHeldOutEvaluationIsReported() {
        assertThat(result.training().discriminatorLosses()).hasSize(EPOCHS);
        assertThat(result.training().generatorLosses()).hasSize(EPOCHS);
        assertThat(result.training().targetLosses()).hasSize(TARGET_EPOCHS);
        assertThat(
                        Stream.of(
                                        result.training().discriminatorLosses(),
                                        result.training().generatorLosses(),
                                        result.training().targetLosses())
                                .flatMapToDouble(DoubleStream::of))
                .allMatch(Double::isFinite);
        assertThat(result.heldOut().summary()).contains("AUROC");
        assertThat(result.detector().calibration().targetAlertRate())
                .isEqualTo(CONFIG.targetAlertRate());
    }

    @Test
    void scoresAreOnTheCommonScaleAndVerdictsFollowTheThreshold() {
        RowModelDetector detector = result.detector();
        double threshold = detector.calibration().threshold();
        List<RecordScore> scores = detector.score(other);

        assertThat(scores).hasSize(other.size());
        for (RecordScore score : scores) {
            assertThat(score.score()).isFinite().isStrictlyBetween(-1.0, 1.0);
            assertThat(score.anomalous()).isEqualTo(score.score() < threshold);
            assertThat(score.reasonCodes().contains(ReasonCodes.SCORED_ANOMALOUS))
                    .isEqualTo(score.anomalous());
            assertThat(score.contributions()).isEmpty();
        }
    }

    @Test
    void aHigherRawScoreNeverGivesAHigherCalibratedScore() {
        double[] raw = result.detector().rawScores(other);

        for (double value : raw) {
            assertThat(value).isBetween(0.0, 1.0);
        }
        RowModelDetectorChecks.calibrationKeepsTheRawOrder(result.detector(), other);
    }

    @Test
    void aRecordScoresTheSameWhateverElseIsInItsBatch() {
        RowModelDetectorChecks.scoresDoNotDependOnTheBatch(result.detector(), other);
    }

    @Test
    void missingAndUnreadableModalitiesAreNamedWithoutFailingTheBatch() {
        RowModelDetectorChecks.missingAndUnreadableModalitiesAreNamed(result.detector(), other);
    }

    @Test
    void aSavedSnapshotLoadsInTheJobsFactoryAndScoresExactlyAsTheTrainedDetector(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("mmoc.zip");
        result.snapshot().save(file);

        DetectorSnapshot loaded = DetectorSnapshot.read(file);
        assertThat(loaded.type().id()).isEqualTo(MmocDetectorType.ID);
        assertThat(loaded.manifest().name()).isEqualTo(MmocDetectorConfig.METHOD);
        assertThat(loaded.modelInfo().threshold())
                .isEqualTo(result.detector().calibration().threshold());
        JsonNode curves = loaded.manifest().trainingConfig().get("curves");
        assertThat(curves.get("discriminator")).hasSize(EPOCHS);
        assertThat(curves.get("generator")).hasSize(EPOCHS);
        assertThat(curves.get("target")).hasSize(TARGET_EPOCHS);
        assertThat(curves.get("discriminator").get(0).asDouble())
                .isEqualTo(result.training().discriminatorLosses()[0]);
        try (BatchScorer scorer = SnapshotScorerFactory.forJob(file).create()) {
            assertThat(scorer).isInstanceOf(RowModelDetector.class);
            assertThat(scorer.score(other)).isEqualTo(result.detector().score(other));
        }
    }
}
