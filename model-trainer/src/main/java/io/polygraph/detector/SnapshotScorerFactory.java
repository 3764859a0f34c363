package io.polygraph.detector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Creates a {@link CrossModalDetector} from a snapshot file where it runs: Flink serializes the
 * factory (just the path, as a string) to each subtask, which loads and verifies the snapshot in
 * {@code open()}.
 *
 * <p>The file must be readable at that path on every task manager (a shared volume, or shipped with
 * the job). Each {@link #create()} reads the file again, verifies its checksum and builds fresh
 * networks.
 */
public final class SnapshotScorerFactory implements ScorerFactory {

    private static final long serialVersionUID = 1L;

    private final String snapshotPath;

    public SnapshotScorerFactory(Path snapshotPath) {
        this.snapshotPath = Objects.requireNonNull(snapshotPath, "snapshotPath").toString();
    }

    /** The snapshot file this factory loads. */
    public Path snapshotPath() {
        return Path.of(snapshotPath);
    }

    @Override
    public BatchScorer create() throws IOException {
        return CrossModalDetector.load(Path.of(snapshotPath));
    }

    @Override
    public String toString() {
        return "SnapshotScorerFactory[" + snapshotPath + "]";
    }
}
