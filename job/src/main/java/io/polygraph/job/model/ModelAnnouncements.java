package io.polygraph.job.model;

import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.schema.ModelAnnouncement;
import io.polygraph.schema.ModelRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Builds the announcement of a snapshot file, checked as a running job would check it. */
public final class ModelAnnouncements {

    private ModelAnnouncements() {}

    /**
     * The announcement of the snapshot at {@code snapshot}, for task managers that read it at
     * {@code location} (the same file on a shared volume, perhaps under another mount point).
     *
     * @throws IOException when the file cannot be read or is not an intact snapshot
     * @throws IllegalArgumentException when the job would refuse it: it scores no transactions or
     *     carries no reference records
     */
    public static ModelAnnouncement forSnapshot(Path snapshot, String location, ModelRole role)
            throws IOException {
        byte[] bytes = Files.readAllBytes(snapshot);
        DetectorSnapshot parsed = DetectorSnapshot.read(snapshot.toString(), bytes);
        if (!parsed.type().scoresTransactions()) {
            throw new IllegalArgumentException(
                    snapshot
                            + " holds a "
                            + parsed.type().id()
                            + " detector, which scores no"
                            + " transactions");
        }
        if (parsed.referenceRecords().isEmpty()) {
            throw new IllegalArgumentException(
                    snapshot
                            + " carries no reference records, so a running job would refuse it;"
                            + " write it with `polygraph train`");
        }
        return ModelAnnouncement.newBuilder()
                .setLocation(location)
                .setVersion(parsed.modelInfo().version())
                .setSha256(AnnouncedSnapshotLoader.sha256(bytes))
                .setRole(role)
                .setAnnouncedAt(Instant.now())
                .build();
    }
}
