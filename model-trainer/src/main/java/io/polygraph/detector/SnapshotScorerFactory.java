package io.polygraph.detector;

import io.polygraph.graph.GraphBackend;
import io.polygraph.graph.Nd4jGraphBackend;
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
    private final String graphBackend;
    private final int enrolmentCanvases;

    /** A factory of scorers running their networks on ND4J. */
    public SnapshotScorerFactory(Path snapshotPath) {
        this(snapshotPath, Nd4jGraphBackend.NAME);
    }

    /** A factory of scorers running their networks on the graph backend called so. */
    public SnapshotScorerFactory(Path snapshotPath, String graphBackend) {
        this(snapshotPath.toString(), graphBackend, EnrolmentCanvases.DEFAULT_CAPACITY);
    }

    private SnapshotScorerFactory(String snapshotPath, String graphBackend, int enrolmentCanvases) {
        this.snapshotPath = Objects.requireNonNull(snapshotPath, "snapshotPath");
        this.graphBackend = Objects.requireNonNull(graphBackend, "graphBackend");
        this.enrolmentCanvases = EnrolmentCanvases.requireCapacity(enrolmentCanvases);
    }

    /**
     * This factory, its scorers keeping up to {@code capacity} enrolment canvases from batch to
     * batch (see {@link DetectorSnapshot#withEnrolmentCanvases}).
     */
    public SnapshotScorerFactory withEnrolmentCanvases(int capacity) {
        return new SnapshotScorerFactory(snapshotPath, graphBackend, capacity);
    }

    /**
     * A factory for the snapshot at {@code snapshotPath}, checked now: readable, intact, and
     * holding a detector that scores transactions. Networks are not loaded.
     *
     * @throws SnapshotIntegrityException when the file is tampered, incomplete or unreadable
     * @throws IllegalArgumentException when its detector scores something else than transactions
     */
    public static SnapshotScorerFactory forJob(Path snapshotPath) throws IOException {
        return forJob(snapshotPath, Nd4jGraphBackend.NAME);
    }

    /**
     * As {@link #forJob(Path)}, the scorers running their networks on the graph backend called
     * {@code graphBackend}, which must be on the class path; for a backend other than ND4J the
     * networks are loaded on it once, now.
     *
     * @throws IllegalArgumentException also when there is no such backend
     * @throws UnsupportedOperationException when the snapshot's detector type or one of its
     *     networks' ops does not run on that backend
     */
    public static SnapshotScorerFactory forJob(Path snapshotPath, String graphBackend)
            throws IOException {
        GraphBackend backend = GraphBackend.named(graphBackend);
        DetectorSnapshot snapshot = readScoringSnapshot(snapshotPath);
        if (!Nd4jGraphBackend.NAME.equals(graphBackend)) {
            // Loading the networks once here is what tells whether this detector type and every
            // op of its networks run on that backend: better refused now than in every subtask.
            snapshot.withGraphBackend(backend).newScorer().close();
        }
        return new SnapshotScorerFactory(snapshotPath, graphBackend);
    }

    /** The snapshot file this factory loads. */
    public Path snapshotPath() {
        return Path.of(snapshotPath);
    }

    @Override
    public BatchScorer create() throws IOException {
        return readScoringSnapshot(Path.of(snapshotPath))
                .withGraphBackend(GraphBackend.named(graphBackend))
                .withEnrolmentCanvases(enrolmentCanvases)
                .newScorer();
    }

    @Override
    public String graphBackend() {
        return graphBackend;
    }

    @Override
    public int enrolmentCanvases() {
        return enrolmentCanvases;
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
        return "SnapshotScorerFactory[" + snapshotPath + " on " + graphBackend + "]";
    }
}
