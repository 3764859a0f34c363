package io.polygraph.detector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Creates the {@link BatchScorer} of a snapshot file where it runs, whatever transaction-scoring
 * {@link DetectorType} the snapshot holds: Flink serializes the factory (just the path, as a
 * string) to each subtask, which loads and verifies the snapshot in {@code open()}.
 *
 * <p>Build it with {@link #forJob} where a job is assembled: that reads and verifies the snapshot
 * once, on the client, so that a wrong file (tampered, or holding a detector that scores no
 * transactions) fails before the job is submitted rather than in every subtask. The file must be
 * readable at that path on every task manager (a shared volume, or shipped with the job). Each
 * {@link #create()} reads the file again, verifies its checksum and builds fresh networks.
 */
public final class SnapshotScorerFactory implements ScorerFactory {

    private static final long serialVersionUID = 1L;

    private final String snapshotPath;

    public SnapshotScorerFactory(Path snapshotPath) {
        this.snapshotPath = Objects.requireNonNull(snapshotPath, "snapshotPath").toString();
    }

    /**
     * A factory for the snapshot at {@code snapshotPath}, checked now: readable, intact, and
     * holding a detector that scores transactions. Networks are not loaded.
     *
     * @throws SnapshotIntegrityException when the file is tampered, incomplete or unreadable
     * @throws IllegalArgumentException when its detector scores something else than transactions
     */
    public static SnapshotScorerFactory forJob(Path snapshotPath) throws IOException {
        readScoringSnapshot(snapshotPath);
        return new SnapshotScorerFactory(snapshotPath);
    }

    /** The snapshot file this factory loads. */
    public Path snapshotPath() {
        return Path.of(snapshotPath);
    }

    @Override
    public BatchScorer create() throws IOException {
        return readScoringSnapshot(Path.of(snapshotPath)).newScorer();
    }

    private static DetectorSnapshot readScoringSnapshot(Path path) throws IOException {
        DetectorSnapshot snapshot = DetectorSnapshot.read(path);
        DetectorType type = snapshot.type();
        if (!type.scoresTransactions()) {
            throw new IllegalArgumentException(
                    "snapshot "
                            + path
                            + " holds a "
                            + type.id()
                            + " detector, which scores "
                            + type.scoredItems()
                            + ", not transactions; train one with `polygraph train`");
        }
        return snapshot;
    }

    @Override
    public String toString() {
        return "SnapshotScorerFactory[" + snapshotPath + "]";
    }
}
