package io.polygraph.job.model;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.ScorerFactory;
import io.polygraph.schema.ModelAnnouncement;
import io.polygraph.schema.ModelRole;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The models one scoring subtask holds: the primary model, whose scores decide alerts, and an
 * optional shadow model, whose scores are only reported; each swapped when an announcement for its
 * role passes the {@link AnnouncedSnapshotLoader}'s checks.
 *
 * <p>Not thread-safe, and no Flink in here: the operator calls it from its mailbox thread and
 * decides when a swap may happen (between two batches). A swap closes the replaced scorer. The
 * announcements that brought the current models are what the operator checkpoints, so that a
 * restored subtask scores with the same models it had at the checkpoint.
 */
public final class ScoringModels implements AutoCloseable {

    /** What an announcement did. */
    public enum Outcome {
        /** The announced model now scores for its role. */
        SWAPPED,
        /** The announced version already scores for its role (a replayed announcement). */
        ALREADY_CURRENT
    }

    private final AnnouncedSnapshotLoader loader;
    private Slot primary;
    private Slot shadow;

    private ScoringModels(AnnouncedSnapshotLoader loader, Slot primary, Slot shadow) {
        this.loader = loader;
        this.primary = primary;
        this.shadow = shadow;
    }

    /**
     * Loads the start models: {@code primary}, and {@code shadow} when it is not null.
     *
     * @throws IOException when a start model cannot be loaded (the job cannot score at all)
     */
    public static ScoringModels start(
            ScorerFactory primary, ScorerFactory shadow, AnnouncedSnapshotLoader loader)
            throws IOException {
        Slot primarySlot = new Slot(primary.create(), null);
        Slot shadowSlot = null;
        try {
            shadowSlot = shadow == null ? null : new Slot(shadow.create(), null);
        } catch (IOException | RuntimeException e) {
            primarySlot.scorer.close();
            throw e;
        }
        return new ScoringModels(Objects.requireNonNull(loader, "loader"), primarySlot, shadowSlot);
    }

    /** The scorer of the primary model. */
    public BatchScorer primary() {
        return primary.scorer;
    }

    /** The primary model's identity. */
    public ModelInfo primaryInfo() {
        return primary.info;
    }

    /** The scorer of the shadow model, when there is one. */
    public Optional<BatchScorer> shadow() {
        return Optional.ofNullable(shadow).map(slot -> slot.scorer);
    }

    /**
     * Swaps the model of {@code announcement}'s role to the announced snapshot, after {@code
     * beforeSwap} has run (the operator scores its buffer there, with the old model).
     *
     * @throws ModelRejectedException when the snapshot fails a check; nothing changed then
     */
    public Outcome offer(ModelAnnouncement announcement, Runnable beforeSwap)
            throws ModelRejectedException {
        Slot current = announcement.getRole() == ModelRole.SHADOW ? shadow : primary;
        if (current != null && current.isFrom(announcement)) {
            return Outcome.ALREADY_CURRENT;
        }
        BatchScorer next = loader.load(announcement);
        try {
            beforeSwap.run();
        } catch (RuntimeException e) {
            next.close();
            throw e;
        }
        Slot replacement = new Slot(next, announcement);
        if (announcement.getRole() == ModelRole.SHADOW) {
            shadow = replacement;
        } else {
            primary = replacement;
        }
        if (current != null) {
            current.scorer.close();
        }
        return Outcome.SWAPPED;
    }

    /** The announcements of the current models (none for a model loaded at start). */
    public List<ModelAnnouncement> announcements() {
        List<ModelAnnouncement> announcements = new ArrayList<>(2);
        for (Slot slot : new Slot[] {primary, shadow}) {
            if (slot != null && slot.announcement != null) {
                announcements.add(slot.announcement);
            }
        }
        return announcements;
    }

    /**
     * Of checkpointed announcements (every subtask's, after a rescale), the newest per role: the
     * models to restore.
     */
    public static List<ModelAnnouncement> newestPerRole(Iterable<ModelAnnouncement> restored) {
        List<ModelAnnouncement> newest = new ArrayList<>(2);
        for (ModelRole role : ModelRole.values()) {
            List<ModelAnnouncement> ofRole = new ArrayList<>();
            restored.forEach(
                    a -> {
                        if (a.getRole() == role) {
                            ofRole.add(a);
                        }
                    });
            ofRole.stream()
                    .max(Comparator.comparing(ModelAnnouncement::getAnnouncedAt))
                    .ifPresent(newest::add);
        }
        return newest;
    }

    @Override
    public void close() {
        try {
            primary.scorer.close();
        } finally {
            if (shadow != null) {
                shadow.scorer.close();
            }
        }
    }

    /** A scorer and the announcement that brought it (null for a start model). */
    private static final class Slot {
        final BatchScorer scorer;
        final ModelInfo info;
        final ModelAnnouncement announcement;

        Slot(BatchScorer scorer, ModelAnnouncement announcement) {
            this.scorer = scorer;
            this.info = scorer.modelInfo();
            this.announcement = announcement;
        }

        /** Whether this slot already scores with the announced file's version and bytes. */
        boolean isFrom(ModelAnnouncement other) {
            return info.version().equals(other.getVersion())
                    && (announcement == null
                            || announcement.getSha256().equalsIgnoreCase(other.getSha256()));
        }
    }
}
