package io.polygraph.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.polygraph.train.AutoencoderConfig;
import io.polygraph.train.AutoencoderDetectorConfig;
import io.polygraph.train.AutoencoderDetectorTrainer;
import io.polygraph.train.TestDetectors;
import io.polygraph.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a job is assembled, {@link SnapshotScorerFactory#forJob} accepts a snapshot of any
 * transaction-scoring type and refuses, with a message saying what to do, one that the job could
 * only fail on later in every subtask.
 */
class SnapshotScorerFactoryTest {

    @Test
    void aCmadSnapshotIsAcceptedForTheJob(@TempDir Path directory) throws Exception {
        Path file = untrainedCmadIn(directory);

        SnapshotScorerFactory factory = SnapshotScorerFactory.forJob(file);

        assertThat(factory.snapshotPath()).isEqualTo(file);
    }

    @Test
    void scorersKeepAsManyEnrolmentCanvasesAsTheFactorySays(@TempDir Path directory)
            throws Exception {
        Path file = untrainedCmadIn(directory);
        SnapshotScorerFactory factory = SnapshotScorerFactory.forJob(file);

        try (BatchScorer byDefault = factory.create();
                BatchScorer none = factory.withEnrolmentCanvases(0).create();
                BatchScorer few = factory.withEnrolmentCanvases(3).create()) {
            assertThat(byDefault.enrolmentCanvases().orElseThrow().capacity())
                    .isEqualTo(EnrolmentCanvases.DEFAULT_CAPACITY);
            assertThat(none.enrolmentCanvases().orElseThrow().capacity()).isZero();
            assertThat(few.enrolmentCanvases().orElseThrow().capacity()).isEqualTo(3);
        }
        assertThat(factory.withEnrolmentCanvases(3).enrolmentCanvases()).isEqualTo(3);
        assertThatThrownBy(() -> factory.withEnrolmentCanvases(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void scorersOfAFactoryForThePortableBackendScoreAsNd4jScorersDo(@TempDir Path directory)
            throws Exception {
        Path file = directory.resolve("cmad.zip");
        List<MultimodalRecord> records = TestDetectors.records(TestDetectors.world(16, 6, 5));
        TestDetectors.untrainedSnapshot(records, 0.0).save(file);

        SnapshotScorerFactory portable = SnapshotScorerFactory.forJob(file, "portable");
        List<RecordScore> expected;
        List<RecordScore> actual;
        try (BatchScorer nd4j = SnapshotScorerFactory.forJob(file).create();
                BatchScorer onPortable = portable.create()) {
            expected = nd4j.score(records);
            actual = onPortable.score(records);
        }

        assertThat(portable.graphBackend()).isEqualTo("portable");
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).score())
                    .as("record %d", i)
                    .isCloseTo(expected.get(i).score(), within(1e-4));
        }
    }

    @Test
    void anUnknownGraphBackendIsRefusedBeforeTheJobIsBuilt(@TempDir Path directory)
            throws Exception {
        Path file = untrainedCmadIn(directory);

        assertThatThrownBy(() -> SnapshotScorerFactory.forJob(file, "tpu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no graph backend tpu")
                .hasMessageContaining("portable");
    }

    @Test
    void aDetectorThatRunsOnlyOnNd4jIsRefusedOnAnotherBackendBeforeTheJobIsBuilt(
            @TempDir Path directory) throws Exception {
        Path file = directory.resolve("autoencoder.zip");
        AutoencoderDetectorConfig config =
                AutoencoderDetectorConfig.defaults()
                        .withNetwork(new AutoencoderConfig(List.of(8), 4, 64, 1e-3, 0.0, 0.0, 0))
                        .withEpochs(1);
        new AutoencoderDetectorTrainer(config)
                .train(TestDetectors.world(16, 6, 5), TrainingListener.NONE)
                .snapshot()
                .save(file);

        assertThatThrownBy(() -> SnapshotScorerFactory.forJob(file, "portable"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("autoencoder detectors score on ND4J only");
    }

    @Test
    void anImageTagSnapshotIsRefusedBeforeTheJobIsBuilt(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("mnist.zip");
        TestDetectors.untrainedImageTagDetector(0.3).toSnapshot(0.01, null, null).save(file);

        String expected =
                "snapshot "
                        + file
                        + " holds a cmad-image-tag detector, which scores (image, tag) pairs,"
                        + " not transactions; train one with `polygraph train`";
        assertThatThrownBy(() -> SnapshotScorerFactory.forJob(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> new SnapshotScorerFactory(file).create())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expected);
    }

    @Test
    void aFileThatIsNoSnapshotIsRefusedBeforeTheJobIsBuilt(@TempDir Path directory)
            throws Exception {
        Path file = directory.resolve("cmad.zip");
        Files.writeString(file, "not a zip");

        assertThatThrownBy(() -> SnapshotScorerFactory.forJob(file))
                .isInstanceOf(SnapshotIntegrityException.class);
    }

    /** An untrained CMAD snapshot of a small world, saved in {@code directory}. */
    private static Path untrainedCmadIn(Path directory) throws Exception {
        Path file = directory.resolve("cmad.zip");
        TestDetectors.untrainedSnapshot(TestDetectors.records(TestDetectors.world(16, 6, 5)), 0.0)
                .save(file);
        return file;
    }
}
