package io.polygraph.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.train.TestDetectors;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path file = directory.resolve("cmad.zip");
        TestDetectors.untrainedSnapshot(TestDetectors.records(TestDetectors.world(16, 6, 5)), 0.0)
                .save(file);

        SnapshotScorerFactory factory = SnapshotScorerFactory.forJob(file);

        assertThat(factory.snapshotPath()).isEqualTo(file);
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
}
