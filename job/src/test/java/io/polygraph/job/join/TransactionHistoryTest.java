package io.polygraph.job.join;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.schema.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionHistoryTest {

    @Test
    void keepsTheNewestUpToTheLimitInEventTimeOrder() {
        TransactionHistory history = new TransactionHistory(List.of(), 2);
        history.record(tx("b", 2));
        history.record(tx("c", 3));
        history.record(tx("a", 1));

        assertThat(ids(history.transactions())).containsExactly("b", "c");
    }

    @Test
    void redeliveredTransactionReplacesItsCopy() {
        TransactionHistory history = new TransactionHistory(List.of(tx("a", 1)), 5);
        history.record(tx("a", 1));

        assertThat(ids(history.transactions())).containsExactly("a");
    }

    @Test
    void previousTransactionsExcludeLaterOnesAndItself() {
        TransactionHistory history =
                new TransactionHistory(List.of(tx("a", 1), tx("b", 2), tx("c", 3)), 5);

        assertThat(ids(history.before(tx("b", 2)))).containsExactly("a");
        assertThat(ids(history.before(tx("x", 4)))).containsExactly("a", "b", "c");
    }

    @Test
    void zeroLimitKeepsNothing() {
        TransactionHistory history = new TransactionHistory(null, 0);
        history.record(tx("a", 1));

        assertThat(history.transactions()).isEmpty();
    }

    private static Transaction tx(String id, int secondsAfterT0) {
        return transaction("e", id, T0.plusSeconds(secondsAfterT0)).build();
    }

    private static List<String> ids(List<Transaction> transactions) {
        return transactions.stream().map(Transaction::getTransactionId).toList();
    }
}
