package io.polygraph.job.scoring;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.ScorerFactory;
import io.polygraph.job.alert.AlertPolicy;
import io.polygraph.job.model.AnnouncedSnapshotLoader;
import io.polygraph.job.model.ModelRejectedException;
import io.polygraph.job.model.ScoringModels;
import io.polygraph.schema.Alert;
import io.polygraph.schema.JoinedTransaction;
import io.polygraph.schema.ModelAnnouncement;
import io.polygraph.schema.ModelRole;
import io.polygraph.schema.ShadowScore;
import io.polygraph.schema.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedMultiInput;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.util.FlinkRuntimeException;
import org.apache.flink.util.OutputTag;

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
 * <p>Models: the start snapshot (and an optional shadow snapshot) come from {@link ScorerFactory}s
 * in {@link #open()}, one scorer per subtask (scorers are not thread-safe). Connected as the first
 * input of a two-input operator, with {@link ModelAnnouncement}s broadcast to every subtask as the
 * second, the operator swaps models while it runs: an announcement is checked ({@link
 * AnnouncedSnapshotLoader}) and, if it passes, the buffer is scored with the old model and every
 * later batch with the new one, so no record is scored twice or lost across a swap and every alert
 * names the version that scored it. A refused announcement is logged and counted and the old model
 * keeps scoring. The announcements of the current models are operator state (union list state, the
 * newest per role restored), so a restored job scores with the models it had at the checkpoint. The
 * control input carries no event time: its watermarks are ignored, and the operator's watermark is
 * that of the joined input alone. Used with one input (no model updates), it is a plain one-input
 * operator.
 *
 * <p>A shadow model scores every batch after the primary one; its scores go to the {@link
 * #SHADOW_SCORES} side output and never into alerts, and a failure of the shadow model is logged
 * and counted instead of failing the job. A failure of the primary model fails the task with the
 * model and the batch's transaction ids: the job restarts from its last checkpoint rather than
 * losing the batch. All calls run in the task's mailbox thread, deadline callbacks included.
 *
 * <p>Candidates: without smoothing only records whose raw score is below the policy's threshold can
 * alert, so only those are emitted (the others are counted as {@code recordsNormal}); with
 * smoothing every score moves its entity's smoothed score, so every record is emitted. The keyed
 * {@code AlertPolicyFunction} downstream makes the decision; this operator is not keyed and holds
 * no per-entity state.
 */
public final class BatchScoringOperator extends AbstractStreamOperator<Alert>
        implements OneInputStreamOperator<JoinedTransaction, Alert>,
                TwoInputStreamOperator<JoinedTransaction, ModelAnnouncement, Alert>,
                BoundedOneInput,
                BoundedMultiInput {
    private static final long serialVersionUID = 1L;

    /** The shadow model's scores, when there is a shadow model. */
    public static final OutputTag<ShadowScore> SHADOW_SCORES =
            new OutputTag<>("shadow-scores", new AvroTypeInfo<>(ShadowScore.class));

    /** Transaction ids quoted in an error message, at most. */
    private static final int IDS_IN_ERRORS = 5;

    private static final String PRIMARY_GAUGE = "modelLoaded";
    private static final String SHADOW_GAUGE = "shadowModelLoaded";

    private final ScorerFactory scorerFactory;
    private final ScorerFactory shadowFactory;
    private final BatchTrigger trigger;
    private final AlertPolicy policy;
    private final AnnouncedSnapshotLoader loader;

    private transient List<JoinedTransaction> buffer;
    private transient ScoringModels models;
    private transient ListState<ModelAnnouncement> announcedModels;
    private transient List<ModelAnnouncement> restoredAnnouncements;
    private transient ScheduledFuture<?> deadlineTimer;
    private transient ScoringMetrics metrics;

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
        this(scorerFactory, null, trigger, policy);
    }

    /**
     * An operator that also scores every batch with a shadow model from {@code shadowFactory} (null
     * for none) and emits those scores to {@link #SHADOW_SCORES}.
     */
    public BatchScoringOperator(
            ScorerFactory scorerFactory,
            ScorerFactory shadowFactory,
            BatchTrigger trigger,
            AlertPolicy policy) {
        this.scorerFactory = Objects.requireNonNull(scorerFactory, "scorerFactory");
        this.shadowFactory = shadowFactory;
        // Announced models run where the job's own model does.
        this.loader =
                new AnnouncedSnapshotLoader(
                        scorerFactory.graphBackend(), scorerFactory.enrolmentCanvases());
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        announcedModels =
                context.getOperatorStateStore()
                        .getUnionListState(
                                new ListStateDescriptor<>(
                                        "announced-models",
                                        new AvroTypeInfo<>(ModelAnnouncement.class)));
        restoredAnnouncements =
                context.isRestored()
                        ? ScoringModels.newestPerRole(announcedModels.get())
                        : List.of();
    }

    @Override
    public void open() throws Exception {
        super.open();
        buffer = new ArrayList<>(trigger.maxSize());
        metrics = new ScoringMetrics(getMetricGroup().addGroup("polygraph"));
        models = ScoringModels.start(scorerFactory, shadowFactory, loader);
        metrics.watchEnrolmentCanvases(models::primary);
        for (ModelAnnouncement restored : restoredAnnouncements) {
            LOG.info(
                    "Restoring the {} model version {} this subtask scored with at the checkpoint",
                    restored.getRole(),
                    restored.getVersion());
            announce(restored);
        }
        reportModels();
        ModelInfo model = models.primaryInfo();
        LOG.info(
                "Scoring with model {} version {} (snapshot threshold {}){}, {}, {}",
                model.name(),
                model.version(),
                model.threshold(),
                models.shadow()
                        .map(s -> ", shadow model version " + s.modelInfo().version())
                        .orElse(""),
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

    @Override
    public void processElement1(StreamRecord<JoinedTransaction> element) throws Exception {
        processElement(element);
    }

    /** A model announcement, broadcast to every subtask. */
    @Override
    public void processElement2(StreamRecord<ModelAnnouncement> element) {
        announce(element.getValue());
        reportModels();
    }

    private void announce(ModelAnnouncement announcement) {
        try {
            ScoringModels.Outcome outcome = models.offer(announcement, this::flush);
            if (outcome == ScoringModels.Outcome.SWAPPED) {
                metrics.modelSwaps.inc();
                LOG.info(
                        "Swapped the {} model to version {} from {}",
                        announcement.getRole(),
                        announcement.getVersion(),
                        announcement.getLocation());
            }
        } catch (ModelRejectedException e) {
            metrics.rejected(e.reason());
            LOG.error(
                    "Rejected the {} model announced as version {}; still scoring with version {}."
                            + " {}",
                    announcement.getRole(),
                    announcement.getVersion(),
                    announcement.getRole() == ModelRole.SHADOW
                            ? models.shadow().map(s -> s.modelInfo().version()).orElse("(none)")
                            : models.primaryInfo().version(),
                    e.getMessage());
        }
    }

    private void reportModels() {
        metrics.nowScoring(PRIMARY_GAUGE, models.primaryInfo());
        models.shadow().ifPresent(shadow -> metrics.nowScoring(SHADOW_GAUGE, shadow.modelInfo()));
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
    public void processWatermark1(Watermark mark) throws Exception {
        processWatermark(mark);
    }

    /** The control input has no event time; it must not hold the joined input's watermark back. */
    @Override
    public void processWatermark2(Watermark mark) {}

    @Override
    protected void processWatermarkStatus(WatermarkStatus status, int inputIndex) throws Exception {
        // As for watermarks, only the joined input (index 0) decides whether this output is idle.
        if (inputIndex == 0) {
            processWatermarkStatus(status);
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        announcedModels.update(models.announcements());
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
    public void endInput(int inputId) {
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
            if (models != null) {
                models.close();
                models = null;
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
        List<MultimodalRecord> records = new ArrayList<>(batch.size());
        batch.forEach(joined -> records.add(MultimodalRecord.of(joined)));
        List<RecordScore> scores = score(batch, records);
        ModelInfo model = models.primaryInfo();
        double threshold = policy.threshold(model.threshold());
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
        models.shadow().ifPresent(shadow -> scoreInShadow(shadow, batch, records, scores));
    }

    private List<RecordScore> score(List<JoinedTransaction> batch, List<MultimodalRecord> records) {
        long start = System.nanoTime();
        List<RecordScore> scores;
        try {
            scores = models.primary().score(records);
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

    private void scoreInShadow(
            BatchScorer shadow,
            List<JoinedTransaction> batch,
            List<MultimodalRecord> records,
            List<RecordScore> primaryScores) {
        List<RecordScore> scores;
        try {
            scores = shadow.score(records);
            if (scores == null || scores.size() != batch.size()) {
                throw new IllegalStateException("returned a wrong number of scores");
            }
        } catch (RuntimeException e) {
            metrics.shadowScoringFailures.inc();
            LOG.warn(
                    "Shadow model version {}: {}; these records have no shadow scores",
                    shadow.modelInfo().version(),
                    describe("failed", batch),
                    e);
            return;
        }
        ModelInfo shadowModel = shadow.modelInfo();
        ModelInfo primaryModel = models.primaryInfo();
        for (int i = 0; i < batch.size(); i++) {
            Transaction transaction = batch.get(i).getTransaction();
            output.collect(
                    SHADOW_SCORES,
                    new StreamRecord<>(
                            ShadowScores.of(
                                    transaction,
                                    scores.get(i),
                                    shadowModel,
                                    primaryScores.get(i),
                                    primaryModel),
                            transaction.getEventTime().toEpochMilli()));
        }
        metrics.shadowRecordsScored.inc(batch.size());
    }

    private String describe(String failure, List<JoinedTransaction> batch) {
        ModelInfo model = models.primaryInfo();
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

    /** The operator's metrics, for tests; null before {@link #open()}. */
    ScoringMetrics metrics() {
        return metrics;
    }

    private void cancelDeadline() {
        if (deadlineTimer != null) {
            deadlineTimer.cancel(false);
            deadlineTimer = null;
        }
    }
}
