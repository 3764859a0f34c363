package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.polygraph.bigan.BiganDetectorType;
import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.ReasonCodes;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.RowModelDetector;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.gan.bigan.BiganConfig;
import io.polygraph.mixture.MixtureConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains a tiny {@code igmm-bigan} detector on a small world and checks its training curves, its
 * mixture, its scores and its snapshot on another one.
 */
class BiganDetectorTrainerTest {

    private static final int EPOCHS = 2;
    private static final int MIN_CLUSTER_SIZE = 5;

    // The library's Adam step 1e-5 barely moves tiny networks in two epochs, and its 500 Gibbs
    // sweeps are for real data: set what this test needs explicitly.
    private static final BiganDetectorConfig CONFIG =
            BiganDetectorConfig.defaults()
                    .withGan(
                            BiganConfig.builder()
                                    .encoderHidden(List.of(16))
                                    .generatorHidden(List.of(16))
                                    .discriminatorHidden(List.of(16))
                                    .latentWidth(3)
                                    .batchSize(64)
                                    .epochs(EPOCHS)
                                    .learningRate(1e-3)
                                    .inputScaling(InputScaling.RAW)
                                    .mixture(
                                            MixtureConfig.defaults()
                                                    .withSchedule(6, 2, 2)
                                                    .withMinClusterSize(MIN_CLUSTER_SIZE))
                                    .build())
                    .withSeed(5);

    private static BiganTrainingResult result;
    private static List<MultimodalRecord> other;

    @BeforeAll
    static void train() {
        result =
                new BiganDetectorTrainer(CONFIG)
                        .train(TestDetectors.world(101, 20, 7), TrainingListener.NONE);
        other = TestDetectors.records(TestDetectors.world(202, 20, 10)).subList(0, 200);
    }

    @Test
    void everyEpochOfBothPlayersHasAFiniteLossAndTheHeldOutEvaluationIsReported() {
        assertThat(result.training().discriminatorLosses()).hasSize(EPOCHS);
        assertThat(result.training().encoderGeneratorLosses()).hasSize(EPOCHS);
        assertThat(
                        Stream.of(
                                        result.training().discriminatorLosses(),
                                        result.training().encoderGeneratorLosses())
                                .flatMapToDouble(DoubleStream::of))
                .allMatch(Double::isFinite);
        assertThat(result.heldOut().summary()).contains("AUROC");
        assertThat(result.detector().calibration().targetAlertRate())
                .isEqualTo(CONFIG.targetAlertRate());
    }

    @Test
    void everyKeptClusterIsLargerThanTheMinimumAndTogetherTheyHoldAtMostTheTrainingRecords() {
        int[] sizes = result.clusterSizes();

        assertThat(sizes).isNotEmpty();
        assertThat(Arrays.stream(sizes).min().orElseThrow()).isGreaterThan(MIN_CLUSTER_SIZE);
        assertThat(Arrays.stream(sizes).sum()).isLessThanOrEqualTo(result.trainingRecords());
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
            assertThat(value).isFinite().isGreaterThanOrEqualTo(0.0);
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
        Path file = dir.resolve("igmm-bigan.zip");
        result.snapshot().save(file);

        DetectorSnapshot loaded = DetectorSnapshot.read(file);
        assertThat(loaded.type().id()).isEqualTo(BiganDetectorType.ID);
        assertThat(loaded.manifest().name()).isEqualTo(BiganDetectorConfig.METHOD);
        assertThat(loaded.modelInfo().threshold())
                .isEqualTo(result.detector().calibration().threshold());
        JsonNode training = loaded.manifest().trainingConfig();
        assertThat(training.get("curves").get("discriminator")).hasSize(EPOCHS);
        assertThat(training.get("curves").get("encoderGenerator")).hasSize(EPOCHS);
        assertThat(training.get("curves").get("encoderGenerator").get(1).asDouble())
                .isEqualTo(result.training().encoderGeneratorLosses()[1]);
        assertThat(training.get("clusters").get("count").asInt())
                .isEqualTo(result.clusterSizes().length);
        assertThat(training.get("clusters").get("sizes").get(0).asInt())
                .isEqualTo(result.clusterSizes()[0]);
        try (BatchScorer scorer = SnapshotScorerFactory.forJob(file).create()) {
            assertThat(scorer).isInstanceOf(RowModelDetector.class);
            assertThat(scorer.score(other)).isEqualTo(result.detector().score(other));
        }
    }
}
