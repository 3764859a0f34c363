package io.polygraph.job.join;

import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.TimerService;

/**
 * The event-time timers of one join subtask, derived from its keyed state and the settings rather
 * than stored: a waiting transaction's deadline, an unclaimed presented signature's expiry and the
 * entity's expiry after its last activity.
 *
 * <p>Several entries of an entity may share a timestamp, and Flink keeps one timer per key and
 * timestamp: a timer is deleted only when no entry needs it any more. Works on the current key of
 * the state handles it was given; created in {@code open()}, one per subtask.
 */
final class JoinTimers {

    private final long maxJoinWaitMillis;
    private final long presentedSignatureTtlMillis;
    private final long entityTtlMillis;
    private final MapState<String, Transaction> waitingTransactions;
    private final MapState<String, SignatureImage> presentedSignatures;
    private final ValueState<Long> lastActivity;

    JoinTimers(
            long maxJoinWaitMillis,
            long presentedSignatureTtlMillis,
            long entityTtlMillis,
            MapState<String, Transaction> waitingTransactions,
            MapState<String, SignatureImage> presentedSignatures,
            ValueState<Long> lastActivity) {
        this.maxJoinWaitMillis = maxJoinWaitMillis;
        this.presentedSignatureTtlMillis = presentedSignatureTtlMillis;
        this.entityTtlMillis = entityTtlMillis;
        this.waitingTransactions = waitingTransactions;
        this.presentedSignatures = presentedSignatures;
        this.lastActivity = lastActivity;
    }

    long deadlineOf(Transaction t) {
        return t.getEventTime().toEpochMilli() + maxJoinWaitMillis;
    }

    long expiryOf(SignatureImage presented) {
        return presented.getCapturedAt().toEpochMilli() + presentedSignatureTtlMillis;
    }

    /** Whether the entity's idle time has run out at {@code timestamp}. */
    boolean entityExpiredAt(long timestamp) throws Exception {
        Long last = lastActivity.value();
        return last != null && entityExpiryAfter(last) <= timestamp;
    }

    /**
     * Moves the entity's last activity, and its expiry timer with it, forward to {@code activity};
     * an activity not after the held one changes nothing.
     */
    void touch(long activity, TimerService timers) throws Exception {
        Long last = lastActivity.value();
        if (last != null && last >= activity) {
            return;
        }
        lastActivity.update(activity);
        if (last != null) {
            release(entityExpiryAfter(last), timers);
        }
        timers.registerEventTimeTimer(entityExpiryAfter(activity));
    }

    /** Deletes the timer at {@code timestamp} unless an entry or the entity still needs it. */
    void release(long timestamp, TimerService timers) throws Exception {
        Long last = lastActivity.value();
        if (last != null && entityExpiryAfter(last) == timestamp) {
            return;
        }
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
        timers.deleteEventTimeTimer(timestamp);
    }

    /**
     * Registers the deadlines still ahead of {@code now}. Registering an existing timer is a no-op,
     * so this only adds timers that went missing; a deadline not ahead of {@code now} would fire
     * again at once, so it is never registered here.
     */
    void registerRemaining(long now, TimerService timers) throws Exception {
        Long last = lastActivity.value();
        if (last != null) {
            registerIfAhead(entityExpiryAfter(last), now, timers);
        }
        for (Transaction waiting : waitingTransactions.values()) {
            registerIfAhead(deadlineOf(waiting), now, timers);
        }
        for (Map.Entry<String, SignatureImage> entry : presentedSignatures.entries()) {
            if (!waitingTransactions.contains(entry.getKey())) {
                registerIfAhead(expiryOf(entry.getValue()), now, timers);
            }
        }
    }

    private static void registerIfAhead(long deadline, long now, TimerService timers) {
        if (deadline > now) {
            timers.registerEventTimeTimer(deadline);
        }
    }

    /** The expiry of an entity last active at {@code activity}; saturates at the end of time. */
    private long entityExpiryAfter(long activity) {
        return activity > Long.MAX_VALUE - entityTtlMillis
                ? Long.MAX_VALUE
                : activity + entityTtlMillis;
    }
}
