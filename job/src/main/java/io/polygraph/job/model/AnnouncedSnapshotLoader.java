package io.polygraph.job.model;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.EnrolmentCanvases;
import io.polygraph.detector.ReferenceRecords;
import io.polygraph.detector.SnapshotIntegrityException;
import io.polygraph.graph.GraphBackend;
import io.polygraph.graph.Nd4jGraphBackend;
import io.polygraph.schema.ModelAnnouncement;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns a {@link ModelAnnouncement} into a scorer that may score, or refuses it.
 *
 * <p>The checks, in order, each with its {@link RejectionReason}: the file is read once, into
 * memory, and its SHA-256 must be the announced one (so a file that is being copied, or was
 * replaced after the announcement, is refused); the archive is then parsed from exactly those bytes
 * and must pass the snapshot's own checks (its internal checksum, no missing or unexpected entry);
 * its manifest must carry the announced version and a transaction detector; and the model, once
 * built, must score the reference records the snapshot carries as it did where it was written. Only
 * then is the scorer handed out. Serializable, stateless: Flink ships it to every subtask.
 */
public final class AnnouncedSnapshotLoader implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Larger files are refused unread: no snapshot of this project comes near it. */
    static final long MAX_SNAPSHOT_BYTES = 1L << 30;

    private final String graphBackend;
    private final int enrolmentCanvases;

    /** A loader whose scorers run their networks on ND4J. */
    public AnnouncedSnapshotLoader() {
        this(Nd4jGraphBackend.NAME, EnrolmentCanvases.DEFAULT_CAPACITY);
    }

    /**
     * A loader whose scorers run their networks on the graph backend called so and keep up to
     * {@code enrolmentCanvases} enrolment canvases from batch to batch.
     */
    public AnnouncedSnapshotLoader(String graphBackend, int enrolmentCanvases) {
        this.graphBackend = java.util.Objects.requireNonNull(graphBackend, "graphBackend");
        this.enrolmentCanvases = enrolmentCanvases;
    }

    /**
     * Reads, verifies and builds the announced model.
     *
     * @return a scorer that passed every check; the caller closes it
     * @throws ModelRejectedException naming the failed check
     */
    public BatchScorer load(ModelAnnouncement announcement) throws ModelRejectedException {
        String source =
                "snapshot " + announcement.getVersion() + " at " + announcement.getLocation();
        byte[] bytes = read(announcement.getLocation(), source);
        String actual = sha256(bytes);
        if (!actual.equals(announcement.getSha256().toLowerCase(Locale.ROOT))) {
            throw new ModelRejectedException(
                    RejectionReason.CHECKSUM_MISMATCH,
                    source
                            + " has SHA-256 "
                            + actual
                            + ", not the announced "
                            + announcement.getSha256());
        }
        DetectorSnapshot snapshot = parse(bytes, source);
        return checkedScorer(snapshot, announcement.getVersion(), source);
    }

    private static byte[] read(String location, String source) throws ModelRejectedException {
        try {
            Path path =
                    location.startsWith("file:")
                            ? Path.of(URI.create(location))
                            : Path.of(location);
            if (Files.size(path) > MAX_SNAPSHOT_BYTES) {
                throw new ModelRejectedException(
                        RejectionReason.UNREADABLE,
                        source + " is larger than " + MAX_SNAPSHOT_BYTES + " bytes");
            }
            try (InputStream in = Files.newInputStream(path)) {
                return in.readNBytes((int) MAX_SNAPSHOT_BYTES);
            }
        } catch (IOException | RuntimeException e) {
            throw new ModelRejectedException(
                    RejectionReason.UNREADABLE, source + " cannot be read: " + e, e);
        }
    }

    private static DetectorSnapshot parse(byte[] bytes, String source)
            throws ModelRejectedException {
        try {
            return DetectorSnapshot.read(source, bytes);
        } catch (SnapshotIntegrityException e) {
            throw new ModelRejectedException(RejectionReason.ARCHIVE_INVALID, e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new ModelRejectedException(
                    RejectionReason.ARCHIVE_INVALID, source + " cannot be parsed: " + e, e);
        }
    }

    private BatchScorer checkedScorer(
            DetectorSnapshot snapshot, String announcedVersion, String source)
            throws ModelRejectedException {
        String version = snapshot.modelInfo().version();
        if (!version.equals(announcedVersion)) {
            throw new ModelRejectedException(
                    RejectionReason.VERSION_MISMATCH,
                    source + " holds version " + version + ", not the announced one");
        }
        if (!snapshot.type().scoresTransactions()) {
            throw new ModelRejectedException(
                    RejectionReason.NOT_A_TRANSACTION_DETECTOR,
                    source + " holds a " + snapshot.type().id() + " detector");
        }
        ReferenceRecords reference =
                snapshot.referenceRecords()
                        .orElseThrow(
                                () ->
                                        new ModelRejectedException(
                                                RejectionReason.NO_REFERENCE_RECORDS,
                                                source
                                                        + " carries no reference records; write"
                                                        + " it with `polygraph train`"));
        BatchScorer scorer = null;
        try {
            scorer =
                    snapshot.withGraphBackend(GraphBackend.named(graphBackend))
                            .withEnrolmentCanvases(enrolmentCanvases)
                            .newScorer();
            ReferenceRecords.ReferenceCheck check = reference.check(scorer);
            if (!check.passed()) {
                throw new ModelRejectedException(
                        RejectionReason.REFERENCE_SCORES_DIFFER,
                        String.format(
                                Locale.ROOT,
                                "%s scores its reference record %d of %d %.3g away from the"
                                        + " score it was written with",
                                source,
                                check.worstRecord(),
                                check.records(),
                                check.maxDifference()));
            }
            return scorer;
        } catch (ModelRejectedException e) {
            scorer.close();
            throw e;
        } catch (RuntimeException e) {
            if (scorer != null) {
                scorer.close();
            }
            throw new ModelRejectedException(
                    RejectionReason.MODEL_FAILED, source + " failed to build or score: " + e, e);
        }
    }

    /** Hex SHA-256 of {@code bytes}, as {@code sha256sum} prints it. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
