package io.polygraph.job.join;

import io.polygraph.schema.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * The last few transactions of one entity, oldest first by event time, at most {@code limit}.
 *
 * <p>Kept in event-time order rather than arrival order because transactions that waited for a
 * profile are emitted after later ones; "previous transactions" of a transaction are those that
 * happened before it. A re-delivered transaction replaces its earlier copy instead of counting
 * twice. Not thread-safe; one instance lives for one call of the join function.
 */
final class TransactionHistory {

    private final List<Transaction> oldestFirst = new ArrayList<>();
    private final int limit;

    /** The history held in {@code stored} (oldest first), bounded to {@code limit}. */
    TransactionHistory(Iterable<Transaction> stored, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        this.limit = limit;
        if (stored != null) {
            stored.forEach(this::record);
        }
    }

    /**
     * The transactions that happened no later than {@code t}, other than {@code t}, oldest first.
     */
    List<Transaction> before(Transaction t) {
        List<Transaction> previous = new ArrayList<>();
        for (Transaction candidate : oldestFirst) {
            boolean same = candidate.getTransactionId().equals(t.getTransactionId());
            if (!same && !candidate.getEventTime().isAfter(t.getEventTime())) {
                previous.add(candidate);
            }
        }
        return previous;
    }

    /** Adds {@code t} in event-time order and drops the oldest beyond the limit. */
    void record(Transaction t) {
        oldestFirst.removeIf(old -> old.getTransactionId().equals(t.getTransactionId()));
        int position = oldestFirst.size();
        while (position > 0
                && oldestFirst.get(position - 1).getEventTime().isAfter(t.getEventTime())) {
            position--;
        }
        oldestFirst.add(position, t);
        while (oldestFirst.size() > limit) {
            oldestFirst.remove(0);
        }
    }

    /** The held transactions, oldest first, as a new mutable list. */
    List<Transaction> transactions() {
        return new ArrayList<>(oldestFirst);
    }
}
