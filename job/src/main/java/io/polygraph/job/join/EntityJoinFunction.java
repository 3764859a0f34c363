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
 * <p>Deadlines are event time, so a replay that is merely behind never times out early; the price
 * is that when every input falls silent the watermark stops and waiting transactions wait until
 * records flow again (or the input ends, which fires all timers).
 *
 * <p>Every waiting entry is removed when it is emitted or dropped, and its timer deleted unless
 * another entry shares it, so an entity with nothing pending holds no timers. Timer deadlines are
 * derived from event times and the settings rather than stored: a firing timer re-registers the
 * deadlines of the entries still waiting, so changed settings after a restore heal themselves.
 * Trade-off: emitted records carry the timestamp of the record (or timer) that completed them, not
 * of the transaction; the scoring operator uses the transaction's event time.
 */
public final class EntityJoinFunction
        extends KeyedProcessFunction<String, EntityEvent, JoinedTransaction> {
    private static final long serialVersionUID = 1L;

    private static final Comparator<Transaction> EVENT_TIME_ORDER =
            Comparator.comparing(Transaction::getEventTime)
                    .thenComparing(Transaction::getTransactionId);

    private final long maxJoinWaitMillis;
    private final long presentedSignatureTtlMillis;
    private final int recentTransactionsLimit;

    private transient ValueState<CustomerProfile> profile;
    private transient ValueState<SignatureImage> enrolmentSignature;
    private transient ListState<Transaction> recentTransactions;
    private transient MapState<String, Transaction> waitingTransactions;
    private transient MapState<String, SignatureImage> presentedSignatures;
    private transient JoinCounters counters;

    /**
     * A join function.
     *
     * @param maxJoinWait event time an incomplete transaction waits
     * @param presentedSignatureTtl event time an unclaimed presented signature is kept
     * @param recentTransactionsLimit number of previous transactions kept per entity
     */
    public EntityJoinFunction(
            Duration maxJoinWait, Duration presentedSignatureTtl, int recentTransactionsLimit) {
        if (maxJoinWait.isNegative() || presentedSignatureTtl.isNegative()) {
            throw new IllegalArgumentException("join durations must not be negative");
        }
        if (recentTransactionsLimit < 0) {
            throw new IllegalArgumentException("recentTransactionsLimit must not be negative");
        }
        this.maxJoinWaitMillis = maxJoinWait.toMillis();
        this.presentedSignatureTtlMillis = presentedSignatureTtl.toMillis();
        this.recentTransactionsLimit = recentTransactionsLimit;
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
        MetricGroup metrics = getRuntimeContext().getMetricGroup().addGroup("polygraph");
        counters = new JoinCounters(metrics);
    }

    @Override
    public void processElement(EntityEvent event, Context ctx, Collector<JoinedTransaction> out)
            throws Exception {
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

    private void onTransaction(Transaction t, Context ctx, Collector<JoinedTransaction> out)
            throws Exception {
        if (isComplete(t)) {
            emit(t, ctx, out);
            return;
        }
        waitingTransactions.put(t.getTransactionId(), t);
        ctx.timerService().registerEventTimeTimer(deadlineOf(t));
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
            ctx.timerService().registerEventTimeTimer(expiryOf(signature));
        } else if (isComplete(waiting)) {
            emit(waiting, ctx, out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<JoinedTransaction> out)
            throws Exception {
        for (Transaction waiting : waitingInEventTimeOrder()) {
            if (deadlineOf(waiting) <= timestamp) {
                emit(waiting, ctx, out);
            }
        }
        for (Map.Entry<String, SignatureImage> entry : copyOf(presentedSignatures.entries())) {
            boolean claimed = waitingTransactions.contains(entry.getKey());
            if (!claimed && expiryOf(entry.getValue()) <= timestamp) {
                presentedSignatures.remove(entry.getKey());
                counters.unclaimedSignaturesDropped.inc();
            }
        }
        registerRemainingDeadlines(timestamp, ctx);
    }

    /** Emits {@code t} with everything known now and removes all that waited for it. */
    private void emit(Transaction t, Context ctx, Collector<JoinedTransaction> out)
            throws Exception {
        String id = t.getTransactionId();
        Transaction waiting = waitingTransactions.get(id);
        if (waiting != null) {
            waitingTransactions.remove(id);
            releaseTimer(deadlineOf(waiting), ctx);
        }
        // Attached even when the transaction did not announce one: the detector should see it.
        SignatureImage presented = presentedSignatures.get(id);
        if (presented != null) {
            presentedSignatures.remove(id);
            releaseTimer(expiryOf(presented), ctx);
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

    /** Deletes the timer at {@code timestamp} unless another waiting entry still needs it. */
    private void releaseTimer(long timestamp, Context ctx) throws Exception {
        for (Transaction waiting : waitingTransactions.values()) {
            if (deadlineOf(waiting) == timestamp) {
                return;
            }
        }
        for (Map.Entry<String, SignatureImage> entry : presentedSignatures.entries()) {
            boolean claimed = waitingTransactions.contains(entry.getKey());
            if (!claimed && expiryOf(entry.getValue()) == timestamp) {
                return;
            }
        }
        ctx.timerService().deleteEventTimeTimer(timestamp);
    }

    /**
     * Registers the deadlines still ahead of {@code now}. Registering an existing timer is a no-op,
     * so this only adds timers that went missing; a deadline not ahead of {@code now} would fire
     * again at once, so it is never registered here.
     */
    private void registerRemainingDeadlines(long now, Context ctx) throws Exception {
        for (Transaction waiting : waitingTransactions.values()) {
            registerIfAhead(deadlineOf(waiting), now, ctx);
        }
        for (Map.Entry<String, SignatureImage> entry : presentedSignatures.entries()) {
            if (!waitingTransactions.contains(entry.getKey())) {
                registerIfAhead(expiryOf(entry.getValue()), now, ctx);
            }
        }
    }

    private static void registerIfAhead(long deadline, long now, Context ctx) {
        if (deadline > now) {
            ctx.timerService().registerEventTimeTimer(deadline);
        }
    }

    private List<Transaction> waitingInEventTimeOrder() throws Exception {
        List<Transaction> waiting = copyOf(waitingTransactions.values());
        waiting.sort(EVENT_TIME_ORDER);
        return waiting;
    }

    private long deadlineOf(Transaction t) {
        return t.getEventTime().toEpochMilli() + maxJoinWaitMillis;
    }

    private long expiryOf(SignatureImage presented) {
        return presented.getCapturedAt().toEpochMilli() + presentedSignatureTtlMillis;
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
