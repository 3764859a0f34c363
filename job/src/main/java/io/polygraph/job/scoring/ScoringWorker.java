package io.polygraph.job.scoring;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.RecordScore;
import io.polygraph.schema.JoinedTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.flink.util.concurrent.ExecutorThreadFactory;

/**
 * The thread a scoring subtask runs its detectors on, one batch at a time.
 *
 * <p>Why a thread of its own: while a batch is scored, the task thread goes on taking records in,
 * and they make up the next batch. Batches thus size themselves to the load (one record when the
 * stream is light, many when the detector is busy) instead of waiting for a fixed delay that is
 * either too short for the detector's per-batch cost or adds a wait of its own.
 *
 * <p>The scorers are not thread-safe; this worker is the only thread that calls them while it runs,
 * and the operator hands it a batch only when the previous one has come back. A failure is not
 * thrown here but returned in the {@link ScoredBatch}, so that the task thread fails the task with
 * it.
 */
final class ScoringWorker {
    private final ExecutorService thread;

    /** A worker whose thread is named after {@code taskName}. */
    ScoringWorker(String taskName) {
        this.thread =
                Executors.newSingleThreadExecutor(
                        new ExecutorThreadFactory("polygraph-scoring " + taskName));
    }

    /**
     * Scores {@code batch} with {@code primary} (and {@code shadow}, when not null) on the worker's
     * thread and passes the outcome to {@code whenScored} there; the caller moves it to its own
     * thread.
     */
    void score(
            List<JoinedTransaction> batch,
            BatchScorer primary,
            BatchScorer shadow,
            Consumer<ScoredBatch> whenScored) {
        Objects.requireNonNull(whenScored, "whenScored");
        thread.execute(
                () -> {
                    ScoredBatch scored;
                    try {
                        scored = scoreNow(batch, primary, shadow);
                    } catch (RuntimeException | Error e) {
                        // Whatever happens, the batch must come back, or the operator waits on it.
                        scored = ScoredBatch.failed(batch, primary.modelInfo(), e);
                    }
                    whenScored.accept(scored);
                });
    }

    private static ScoredBatch scoreNow(
            List<JoinedTransaction> batch, BatchScorer primary, BatchScorer shadow) {
        ModelInfo model = primary.modelInfo();
        long start = System.nanoTime();
        List<MultimodalRecord> records = new ArrayList<>(batch.size());
        batch.forEach(joined -> records.add(MultimodalRecord.of(joined)));
        List<RecordScore> scores = primary.score(records);
        if (scores == null || scores.size() != batch.size()) {
            throw new IllegalStateException(
                    "returned " + (scores == null ? "no" : scores.size()) + " scores");
        }
        long scoringNanos = System.nanoTime() - start;
        if (shadow == null) {
            return ScoredBatch.scored(batch, model, scores, scoringNanos, null);
        }
        return ScoredBatch.scored(
                batch, model, scores, scoringNanos, ShadowOutcome.of(shadow, records));
    }

    /**
     * Stops the thread, waiting up to {@code timeoutMillis} for a batch it is scoring.
     *
     * @return whether the thread ended: only then may the scorers be closed
     */
    boolean stop(long timeoutMillis) {
        // No interrupt: a detector stopped halfway through native code is worse than a short wait.
        thread.shutdown();
        try {
            return thread.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What the shadow model made of a batch: its scores, or why it has none. */
    record ShadowOutcome(ModelInfo model, List<RecordScore> scores, RuntimeException failure) {
        static ShadowOutcome of(BatchScorer shadow, List<MultimodalRecord> records) {
            ModelInfo model = shadow.modelInfo();
            try {
                List<RecordScore> scores = shadow.score(records);
                if (scores == null || scores.size() != records.size()) {
                    throw new IllegalStateException("returned a wrong number of scores");
                }
                return new ShadowOutcome(model, scores, null);
            } catch (RuntimeException e) {
                return new ShadowOutcome(model, null, e);
            }
        }
    }

    /**
     * A batch back from the worker: the primary model's scores (or its failure) and the shadow
     * model's outcome (null without a shadow model).
     */
    record ScoredBatch(
            List<JoinedTransaction> batch,
            ModelInfo model,
            List<RecordScore> scores,
            long scoringNanos,
            Throwable failure,
            ShadowOutcome shadow) {

        static ScoredBatch scored(
                List<JoinedTransaction> batch,
                ModelInfo model,
                List<RecordScore> scores,
                long scoringNanos,
                ShadowOutcome shadow) {
            return new ScoredBatch(batch, model, scores, scoringNanos, null, shadow);
        }

        static ScoredBatch failed(
                List<JoinedTransaction> batch, ModelInfo model, Throwable failure) {
            return new ScoredBatch(batch, model, null, 0, failure, null);
        }
    }
}
