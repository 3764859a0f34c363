package io.polygraph.job.scoring;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.ScorerFactory;
import io.polygraph.job.alert.AlertPolicy;
import io.polygraph.schema.Alert;
import io.polygraph.schema.JoinedTransaction;
import io.polygraph.schema.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.FlinkRuntimeException;

/**
 * Buffers joined transactions, scores them in batches with the detector library and emits an {@link
 * Alert} candidate for each record the {@link AlertPolicy} may alert on.
 *
 * <p>When a batch is scored is the {@link BatchTrigger}'s business (size or processing-time
 * deadline); this operator also scores whatever it holds before every checkpoint barrier ({@link
 * #prepareSnapshotPreBarrier}), on every watermark (so alerts are never behind the watermark they
 * precede) and at end of input. Hence no buffered record ever crosses a checkpoint, and the buffer
 * needs no operator state: after a failure the records are replayed from the sources. The trade-off
 * is that a checkpoint or watermark can cut a batch short.
 *
 * <p>The {@link BatchScorer} is created from the {@link ScorerFactory} in {@link #open()} (one per
 * subtask: scorers are not thread-safe) and closed in {@link #close()}. All calls run in the task's
 * mailbox thread, deadline callbacks included. Records found normal are only counted. A scorer
 * failure fails the task with the model and the batch's transaction ids: the job restarts from its
 * last checkpoint rather than losing the batch.
 *
 * <p>Candidates: without smoothing only records whose raw score is below the policy's threshold can
 * alert, so only those are emitted (the others are counted as {@code recordsNormal}); with
 * smoothing every score moves its entity's smoothed score, so every record is emitted. The keyed
 * {@code AlertPolicyFunction} downstream makes the decision; this operator is not keyed and holds
 * no per-entity state.
 */
public final class BatchScoringOperator extends AbstractStreamOperator<Alert>
        implements OneInputStreamOperator<JoinedTransaction, Alert>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    /** Transaction ids quoted in an error message, at most. */
    private static final int IDS_IN_ERRORS = 5;

    private final ScorerFactory scorerFactory;
    private final BatchTrigger trigger;
    private final AlertPolicy policy;

    private transient List<JoinedTransaction> buffer;
    private transient BatchScorer scorer;
    private transient ModelInfo model;
    private transient ScheduledFuture<?> deadlineTimer;
    private transient ScoringMetrics metrics;
    private transient double threshold;

    /**
     * An operator scoring with scorers from {@code scorerFactory}, batched by {@code trigger},
     * emitting candidates under the default policy (the snapshot's threshold, no smoothing).
     */
    public BatchScoringOperator(ScorerFactory scorerFactory, BatchTrigger trigger) {
        this(scorerFactory, trigger, AlertPolicy.defaults());
    }

    /** An operator emitting the candidates {@code policy} needs. */
    public BatchScoringOperator(
            ScorerFactory scorerFactory, BatchTrigger trigger, AlertPolicy policy) {
        this.scorerFactory = Objects.requireNonNull(scorerFactory, "scorerFactory");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public void open() throws Exception {
        super.open();
        buffer = new ArrayList<>(trigger.maxSize());
        scorer = scorerFactory.create();
        model = scorer.modelInfo();
        metrics = new ScoringMetrics(getMetricGroup().addGroup("polygraph"), model);
        threshold = policy.threshold(model.threshold());
        LOG.info(
                "Scoring with model {} version {} (snapshot threshold {}), {}, {}",
                model.name(),
                model.version(),
                model.threshold(),
                trigger,
                policy);
    }

    @Override
    public void processElement(StreamRecord<JoinedTransaction> element) throws Exception {
        buffer.add(element.getValue());
        if (trigger.isFull(buffer.size())) {
            flush();
        } else if (deadlineTimer == null) {
            long now = getProcessingTimeService().getCurrentProcessingTime();
            deadlineTimer =
                    getProcessingTimeService()
                            .registerTimer(trigger.deadlineFor(now), this::onDeadline);
        }
    }

    private void onDeadline(long time) {
        deadlineTimer = null;
        flush();
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        flush();
        super.processWatermark(mark);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        flush();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void endInput() {
        flush();
    }

    @Override
    public void finish() throws Exception {
        flush();
        super.finish();
    }

    @Override
    public void close() throws Exception {
        try {
            cancelDeadline();
            if (scorer != null) {
                scorer.close();
                scorer = null;
            }
        } finally {
            super.close();
        }
    }

    /** Scores everything buffered and emits the alerts; a no-op on an empty buffer. */
    private void flush() {
        cancelDeadline();
        if (buffer.isEmpty()) {
            return;
        }
        List<JoinedTransaction> batch = buffer;
        buffer = new ArrayList<>(trigger.maxSize());
        List<RecordScore> scores = score(batch);
        Instant detectionTime =
                Instant.ofEpochMilli(getProcessingTimeService().getCurrentProcessingTime());
        for (int i = 0; i < batch.size(); i++) {
            Transaction transaction = batch.get(i).getTransaction();
            RecordScore score = scores.get(i);
            boolean below = score.score() < threshold;
            if (below || policy.smooths()) {
                Alert candidate = Alerts.of(transaction, score, model, detectionTime);
                output.collect(
                        new StreamRecord<>(candidate, transaction.getEventTime().toEpochMilli()));
            }
            if (below) {
                metrics.recordsBelowThreshold.inc();
            } else {
                metrics.recordsNormal.inc();
            }
        }
    }

    private List<RecordScore> score(List<JoinedTransaction> batch) {
        List<MultimodalRecord> records = new ArrayList<>(batch.size());
        batch.forEach(joined -> records.add(MultimodalRecords.from(joined)));
        long start = System.nanoTime();
        List<RecordScore> scores;
        try {
            scores = scorer.score(records);
        } catch (RuntimeException e) {
            throw new FlinkRuntimeException(describe("failed to score", batch), e);
        }
        if (scores == null || scores.size() != batch.size()) {
            throw new IllegalStateException(
                    describe(
                            "returned " + (scores == null ? "no" : scores.size()) + " scores",
                            batch));
        }
        metrics.batchScoringMillis.update((System.nanoTime() - start) / 1_000_000);
        metrics.batchSize.update(batch.size());
        metrics.recordsScored.inc(batch.size());
        return scores;
    }

    private String describe(String failure, List<JoinedTransaction> batch) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < Math.min(IDS_IN_ERRORS, batch.size()); i++) {
            ids.add(batch.get(i).getTransaction().getTransactionId());
        }
        return "BatchScoringOperator: model "
                + model.name()
                + " version "
                + model.version()
                + " "
                + failure
                + " for a batch of "
                + batch.size()
                + " records (first transaction ids "
                + ids
                + ")";
    }

    private void cancelDeadline() {
        if (deadlineTimer != null) {
            deadlineTimer.cancel(false);
            deadlineTimer = null;
        }
    }
}
