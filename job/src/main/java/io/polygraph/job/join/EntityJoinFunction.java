package io.polygraph.job.join;

import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.EntityEvent;
import io.polygraph.schema.JoinedTransaction;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.SignaturePurpose;
import io.polygraph.schema.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Joins each transaction of an entity with what is known of the entity: its latest profile, its
 * enrolment signature, its recent transactions and the signature presented with the transaction.
 *
 * <p>Contract, per entity key: a transaction is <em>complete</em> when the entity's profile is
 * known and, if {@code signatureCaptured}, its presented signature has arrived. A complete
 * transaction is emitted at once. An incomplete one waits, for at most {@code maxJoinWait} of event
 * time after its own event time (an event-time timer), and is emitted when it becomes complete or,
 * at the deadline, with what there is: a null profile or presented signature is a missing modality,
 * which the detector marks. A presented signature that arrives before its transaction waits for it;
 * one that is never claimed is dropped {@code presentedSignatureTtl} after its capture time and
 * counted. Older profiles (by {@code updatedAt}) and enrolment signatures (by {@code capturedAt})
 * than the ones held are ignored.
 *
 * <p>Late records: a record is behind the watermark when its event time is at or before the join's
 * current watermark (Flink's meaning: the watermark promised that no such record would come). What
 * that means depends on the kind ({@link LateRecordKind}):
 *
 * <ul>
 *   <li>a late <em>transaction</em> is not joined: the decisions it should have been part of (its
 *       deadline, the histories of later transactions) may already be made. It goes to {@link
 *       #LATE_RECORDS};
 *   <li>a late <em>presented signature</em> goes to {@link #LATE_RECORDS} unless its transaction is
 *       still waiting for it, in which case it is in time for the only join it serves;
 *   <li>a late <em>profile</em> or <em>enrolment signature</em> is applied as usual: latest wins
 *       whatever the arrival order, and diverting it would leave the entity on an outdated profile
 *       until the next update. It is only counted.
 * </ul>
 *
 * Every late record is counted per kind ({@code lateRecords.<kind>}); nothing is dropped silently.
 *
 * <p>Idle entities: an entity whose last activity lies {@code entityTtl} of event time behind the
 * watermark loses all its state and timers, and a later transaction is joined as for a new entity.
 * Activity is {@code max(event time, watermark)} of each record applied, so reference data
 * published late counts from its arrival, not from its (old) event time. Event time rather than
 * Flink's processing-time state TTL: a replay expires exactly what the live run expired, a job
 * restored after downtime does not lose every entity at once, and timers are removed with the
 * state. The price is one timer per entity, moved when its activity advances, and no expiry while
 * the watermark stands still.
 *
 * <p>Deadlines are event time, so a replay that is merely behind never times out early; the price
 * is that when every input falls silent the watermark stops and waiting transactions wait until
 * records flow again (or the input ends, which fires all timers).
 *
 * <p>Every waiting entry is removed when it is emitted or dropped, and its timer deleted unless
 * another entry shares it, so an entity with nothing pending holds only its expiry timer. Timer
 * deadlines are derived from event times and the settings rather than stored: a firing timer
 * re-registers the deadlines of the entries still waiting, so changed settings after a restore heal
 * themselves. Trade-off: emitted records carry the timestamp of the record (or timer) that
 * completed them, not of the transaction; the scoring operator uses the transaction's event time.
 */
public final class EntityJoinFunction
        extends KeyedProcessFunction<String, EntityEvent, JoinedTransaction> {
    private static final long serialVersionUID = 1L;

    /** Transactions and presented signatures that arrived behind the watermark. */
    public static final OutputTag<LateRecord> LATE_RECORDS =
            new OutputTag<>("late-records", LateRecord.TYPE);

    private static final Comparator<Transaction> EVENT_TIME_ORDER =
            Comparator.comparing(Transaction::getEventTime)
                    .thenComparing(Transaction::getTransactionId);

    private final long maxJoinWaitMillis;
    private final long presentedSignatureTtlMillis;
    private final int recentTransactionsLimit;
    private final long entityTtlMillis;

    private transient ValueState<CustomerProfile> profile;
    private transient ValueState<SignatureImage> enrolmentSignature;
    private transient ListState<Transaction> recentTransactions;
    private transient MapState<String, Transaction> waitingTransactions;
    private transient MapState<String, SignatureImage> presentedSignatures;
    private transient ValueState<Long> lastActivity;
    private transient JoinTimers timers;
    private transient JoinCounters counters;

    /**
     * A join function.
     *
     * @param maxJoinWait event time an incomplete transaction waits
     * @param presentedSignatureTtl event time an unclaimed presented signature is kept
     * @param recentTransactionsLimit number of previous transactions kept per entity
     * @param entityTtl event time after its last activity an idle entity is expired; longer than
     *     both other durations, so that nothing can still be waiting when an entity expires
     */
    public EntityJoinFunction(
            Duration maxJoinWait,
            Duration presentedSignatureTtl,
            int recentTransactionsLimit,
            Duration entityTtl) {
        if (maxJoinWait.isNegative() || presentedSignatureTtl.isNegative()) {
            throw new IllegalArgumentException("join durations must not be negative");
        }
        if (recentTransactionsLimit < 0) {
            throw new IllegalArgumentException("recentTransactionsLimit must not be negative");
        }
        if (entityTtl.compareTo(maxJoinWait) <= 0
                || entityTtl.compareTo(presentedSignatureTtl) <= 0) {
            throw new IllegalArgumentException(
                    "entityTtl must be longer than maxJoinWait and presentedSignatureTtl");
        }
        this.maxJoinWaitMillis = maxJoinWait.toMillis();
        this.presentedSignatureTtlMillis = presentedSignatureTtl.toMillis();
        this.recentTransactionsLimit = recentTransactionsLimit;
        this.entityTtlMillis = entityTtl.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        profile = getRuntimeContext().getState(EntityJoinState.profile());
        enrolmentSignature = getRuntimeContext().getState(EntityJoinState.enrolmentSignature());
        recentTransactions = getRuntimeContext().getListState(EntityJoinState.recentTransactions());
        waitingTransactions =
                getRuntimeContext().getMapState(EntityJoinState.waitingTransactions());
        presentedSignatures =
                getRuntimeContext().getMapState(EntityJoinState.presentedSignatures());
        lastActivity = getRuntimeContext().getState(EntityJoinState.lastActivity());
        timers =
                new JoinTimers(
                        maxJoinWaitMillis,
                        presentedSignatureTtlMillis,
                        entityTtlMillis,
                        waitingTransactions,
                        presentedSignatures,
                        lastActivity);
        MetricGroup metrics = getRuntimeContext().getMetricGroup().addGroup("polygraph");
        counters = new JoinCounters(metrics);
    }

    @Override
    public void processElement(EntityEvent event, Context ctx, Collector<JoinedTransaction> out)
            throws Exception {
        if (divertedAsLate(event, ctx)) {
            return;
        }
        // Activity on the join's clock: reference data published late counts from its arrival.
        timers.touch(
                Math.max(
                        event.getEventTime().toEpochMilli(), ctx.timerService().currentWatermark()),
                ctx.timerService());
        Object payload = event.getPayload();
        if (payload instanceof Transaction transaction) {
            onTransaction(transaction, ctx, out);
        } else if (payload instanceof CustomerProfile newProfile) {
            onProfile(newProfile, ctx, out);
        } else if (payload instanceof SignatureImage signature) {
            onSignature(signature, ctx, out);
        } else {
            throw new IllegalStateException(
                    "EntityJoinFunction: unexpected payload "
                            + (payload == null ? "null" : payload.getClass().getName())
                            + " for entity "
                            + ctx.getCurrentKey());
        }
    }

    /**
     * Counts {@code event} if it is behind the watermark and sends it to {@link #LATE_RECORDS} if
     * its kind is not applied late (see the class comment).
     *
     * @return whether the event was diverted and must not be joined
     */
    private boolean divertedAsLate(EntityEvent event, Context ctx) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        if (event.getEventTime().toEpochMilli() > watermark) {
            return false;
        }
        LateRecordKind kind = LateRecordKind.of(event);
        if (kind == LateRecordKind.PRESENTED_SIGNATURE
                && waitingTransactions.contains(
                        ((SignatureImage) event.getPayload()).getTransactionId())) {
            return false;
        }
        counters.countLate(kind);
        if (kind == LateRecordKind.PROFILE || kind == LateRecordKind.ENROLMENT_SIGNATURE) {
            return false;
        }
        ctx.output(LATE_RECORDS, new LateRecord(event, watermark));
        return true;
    }

    private void onTransaction(Transaction t, Context ctx, Collector<JoinedTransaction> out)
            throws Exception {
        if (isComplete(t)) {
            emit(t, ctx, out);
            return;
        }
        waitingTransactions.put(t.getTransactionId(), t);
        ctx.timerService().registerEventTimeTimer(timers.deadlineOf(t));
    }

    private void onProfile(
            CustomerProfile newProfile, Context ctx, Collector<JoinedTransaction> out)
            throws Exception {
        CustomerProfile current = profile.value();
        if (current != null && newProfile.getUpdatedAt().isBefore(current.getUpdatedAt())) {
            counters.staleProfiles.inc();
            return;
        }
        profile.update(newProfile);
        for (Transaction waiting : waitingInEventTimeOrder()) {
            if (isComplete(waiting)) {
                emit(waiting, ctx, out);
            }
        }
    }

    private void onSignature(
            SignatureImage signature, Context ctx, Collector<JoinedTransaction> out)
            throws Exception {
        if (signature.getPurpose() == SignaturePurpose.ENROLMENT) {
            SignatureImage current = enrolmentSignature.value();
            if (current == null || !signature.getCapturedAt().isBefore(current.getCapturedAt())) {
                enrolmentSignature.update(signature);
            }
            return;
        }
        String transactionId = signature.getTransactionId();
        presentedSignatures.put(transactionId, signature);
        Transaction waiting = waitingTransactions.get(transactionId);
        if (waiting == null) {
            ctx.timerService().registerEventTimeTimer(timers.expiryOf(signature));
        } else if (isComplete(waiting)) {
            emit(waiting, ctx, out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<JoinedTransaction> out)
            throws Exception {
        for (Transaction waiting : waitingInEventTimeOrder()) {
            if (timers.deadlineOf(waiting) <= timestamp) {
                emit(waiting, ctx, out);
            }
        }
        for (Map.Entry<String, SignatureImage> entry : copyOf(presentedSignatures.entries())) {
            boolean claimed = waitingTransactions.contains(entry.getKey());
            if (!claimed && timers.expiryOf(entry.getValue()) <= timestamp) {
                presentedSignatures.remove(entry.getKey());
                counters.unclaimedSignaturesDropped.inc();
            }
        }
        if (timers.entityExpiredAt(timestamp)) {
            expire(ctx, out);
            return;
        }
        timers.registerRemaining(timestamp, ctx.timerService());
    }

    /** Removes all of an idle entity's state; its expiry timer is the one firing. */
    private void expire(Context ctx, Collector<JoinedTransaction> out) throws Exception {
        // Nothing waits here unless a restore shortened the TTL: emit rather than lose it.
        for (Transaction waiting : waitingInEventTimeOrder()) {
            emit(waiting, ctx, out);
        }
        for (SignatureImage unclaimed : copyOf(presentedSignatures.values())) {
            ctx.timerService().deleteEventTimeTimer(timers.expiryOf(unclaimed));
            counters.unclaimedSignaturesDropped.inc();
        }
        profile.clear();
        enrolmentSignature.clear();
        recentTransactions.clear();
        waitingTransactions.clear();
        presentedSignatures.clear();
        lastActivity.clear();
        counters.entitiesExpired.inc();
    }

    /** Emits {@code t} with everything known now and removes all that waited for it. */
    private void emit(Transaction t, Context ctx, Collector<JoinedTransaction> out)
            throws Exception {
        String id = t.getTransactionId();
        Transaction waiting = waitingTransactions.get(id);
        if (waiting != null) {
            waitingTransactions.remove(id);
            timers.release(timers.deadlineOf(waiting), ctx.timerService());
        }
        // Attached even when the transaction did not announce one: the detector should see it.
        SignatureImage presented = presentedSignatures.get(id);
        if (presented != null) {
            presentedSignatures.remove(id);
            timers.release(timers.expiryOf(presented), ctx.timerService());
        }
        TransactionHistory history =
                new TransactionHistory(recentTransactions.get(), recentTransactionsLimit);
        JoinedTransaction joined =
                JoinedTransaction.newBuilder()
                        .setTransaction(t)
                        .setRecentTransactions(history.before(t))
                        .setProfile(profile.value())
                        .setEnrolmentSignature(enrolmentSignature.value())
                        .setPresentedSignature(presented)
                        .setIngestTime(
                                Instant.ofEpochMilli(ctx.timerService().currentProcessingTime()))
                        .build();
        history.record(t);
        recentTransactions.update(history.transactions());
        counters.count(joined);
        out.collect(joined);
    }

    private boolean isComplete(Transaction t) throws Exception {
        return profile.value() != null
                && (!t.getSignatureCaptured()
                        || presentedSignatures.contains(t.getTransactionId()));
    }

    private List<Transaction> waitingInEventTimeOrder() throws Exception {
        List<Transaction> waiting = copyOf(waitingTransactions.values());
        waiting.sort(EVENT_TIME_ORDER);
        return waiting;
    }

    /** Copies state iterables before the loop body modifies the state they come from. */
    private static <T> List<T> copyOf(Iterable<T> items) {
        List<T> copy = new ArrayList<>();
        if (items != null) {
            items.forEach(copy::add);
        }
        return copy;
    }
}
