package io.polygraph.job.join;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.enrolment;
import static io.polygraph.job.SampleRecords.profile;
import static io.polygraph.job.SampleRecords.transaction;
import static io.polygraph.job.join.JoinHarness.MAX_JOIN_WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.JoinedTransaction;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The join of transactions with profiles, enrolment signatures and recent transactions. */
class EntityJoinFunctionTest {

    private static final String ENTITY = "entity-1";

    private JoinHarness join;

    @BeforeEach
    void openHarness() throws Exception {
        join = new JoinHarness();
    }

    @AfterEach
    void closeHarness() throws Exception {
        join.close();
    }

    @Test
    void completeTransactionIsEmittedAtOnce() throws Exception {
        CustomerProfile profile = profile(ENTITY, T0.minusSeconds(3600)).build();
        SignatureImage enrolment = enrolment(ENTITY, T0.minusSeconds(3600)).build();
        Transaction tx = transaction(ENTITY, "tx-1", T0).build();

        join.send(profile);
        join.send(enrolment);
        join.send(tx);

        assertThat(join.emitted()).hasSize(1);
        JoinedTransaction joined = join.emitted().get(0);
        assertThat(joined.getTransaction()).isEqualTo(tx);
        assertThat(joined.getProfile()).isEqualTo(profile);
        assertThat(joined.getEnrolmentSignature()).isEqualTo(enrolment);
        assertThat(joined.getPresentedSignature()).isNull();
        assertThat(joined.getRecentTransactions()).isEmpty();
        join.assertNothingPending(ENTITY);
    }

    @Test
    void transactionBeforeProfileWaitsAndIsEmittedWhenProfileArrives() throws Exception {
        join.send(transaction(ENTITY, "tx-1", T0).build());

        assertThat(join.emitted()).isEmpty();
        assertThat(join.waitingTransactions(ENTITY)).hasSize(1);
        assertThat(join.deadlineTimers()).isEqualTo(1);

        CustomerProfile profile = profile(ENTITY, T0.minusSeconds(60)).build();
        join.send(profile);

        assertThat(join.emitted()).hasSize(1);
        assertThat(join.emitted().get(0).getProfile()).isEqualTo(profile);
        join.assertNothingPending(ENTITY);
    }

    @Test
    void transactionWithoutProfileIsEmittedWithProfileMissingAfterMaxJoinWait() throws Exception {
        join.send(transaction(ENTITY, "tx-1", T0).build());

        join.watermark(T0.plus(MAX_JOIN_WAIT).minusMillis(1));
        assertThat(join.emitted()).isEmpty();

        join.watermark(T0.plus(MAX_JOIN_WAIT));
        assertThat(join.emitted()).hasSize(1);
        assertThat(join.emitted().get(0).getTransaction().getTransactionId()).isEqualTo("tx-1");
        assertThat(join.emitted().get(0).getProfile()).isNull();
        join.assertNothingPending(ENTITY);
    }

    @Test
    void waitingTransactionsSharingADeadlineAreAllEmittedAndTheirTimerDeleted() throws Exception {
        join.send(transaction(ENTITY, "tx-1", T0).build());
        join.send(transaction(ENTITY, "tx-2", T0).build());
        assertThat(join.deadlineTimers()).isEqualTo(1);

        join.send(profile(ENTITY, T0.minusSeconds(60)).build());

        assertThat(join.emitted())
                .extracting(j -> j.getTransaction().getTransactionId())
                .containsExactly("tx-1", "tx-2");
        join.assertNothingPending(ENTITY);
    }

    @Test
    void latestProfileWinsAndAnOlderUpdateIsIgnored() throws Exception {
        CustomerProfile newer = profile(ENTITY, T0.minusSeconds(60)).setBirthYear(1990).build();
        CustomerProfile older = profile(ENTITY, T0.minusSeconds(7200)).setBirthYear(1950).build();

        join.send(newer);
        join.send(older);
        join.send(transaction(ENTITY, "tx-1", T0).build());

        assertThat(join.emitted()).hasSize(1);
        assertThat(join.emitted().get(0).getProfile()).isEqualTo(newer);
    }

    @Test
    void newerProfileReplacesTheHeldOne() throws Exception {
        join.send(profile(ENTITY, T0.minusSeconds(7200)).setBirthYear(1950).build());
        CustomerProfile newer = profile(ENTITY, T0.minusSeconds(60)).setBirthYear(1990).build();
        join.send(newer);
        join.send(transaction(ENTITY, "tx-1", T0).build());

        assertThat(join.emitted().get(0).getProfile()).isEqualTo(newer);
    }

    @Test
    void recentTransactionsAreBoundedAndOldestFirst() throws Exception {
        join.send(profile(ENTITY, T0.minusSeconds(3600)).build());
        // Arrival order differs from event-time order on purpose.
        join.send(transaction(ENTITY, "tx-2", T0.plusSeconds(2)).build());
        join.send(transaction(ENTITY, "tx-1", T0.plusSeconds(1)).build());
        join.send(transaction(ENTITY, "tx-4", T0.plusSeconds(4)).build());
        join.send(transaction(ENTITY, "tx-3", T0.plusSeconds(3)).build());
        join.send(transaction(ENTITY, "tx-5", T0.plusSeconds(5)).build());

        List<JoinedTransaction> emitted = join.emitted();
        assertThat(emitted).hasSize(5);
        assertThat(idsOf(emitted.get(4).getRecentTransactions()))
                .as("the last %d before tx-5", JoinHarness.RECENT_LIMIT)
                .containsExactly("tx-2", "tx-3", "tx-4");
        assertThat(idsOf(emitted.get(1).getRecentTransactions()))
                .as("tx-1 happened before tx-2 though it arrived after it")
                .isEmpty();
    }

    @Test
    void waitingTransactionAndItsTimerSurviveACheckpointRestore() throws Exception {
        join.send(profile("entity-2", T0.minusSeconds(60)).build());
        join.send(transaction(ENTITY, "tx-1", T0).build());
        join.send(transaction("entity-2", "tx-2", T0).build());
        JoinHarness restored = new JoinHarness(join.snapshot(1L));
        try {
            assertThat(restored.waitingTransactions(ENTITY)).hasSize(1);
            assertThat(restored.deadlineTimers()).isEqualTo(1);

            restored.send(profile(ENTITY, T0.minusSeconds(60)).build());
            restored.send(transaction("entity-2", "tx-3", T0.plusSeconds(1)).build());

            assertThat(restored.emitted())
                    .extracting(j -> j.getTransaction().getTransactionId())
                    .containsExactly("tx-1", "tx-3");
            assertThat(idsOf(restored.emitted().get(1).getRecentTransactions()))
                    .as("history restored from the checkpoint")
                    .containsExactly("tx-2");
            restored.assertNothingPending(ENTITY);
        } finally {
            restored.close();
        }
    }

    @Test
    void entitiesAreJoinedIndependently() throws Exception {
        join.send(profile("entity-a", T0.minusSeconds(60)).build());
        join.send(transaction("entity-b", "tx-b", T0).build());
        join.send(transaction("entity-a", "tx-a", T0).build());

        assertThat(join.emitted()).hasSize(1);
        assertThat(join.emitted().get(0).getTransaction().getEntityId()).isEqualTo("entity-a");
        assertThat(join.waitingTransactions("entity-b")).hasSize(1);
    }

    private static List<String> idsOf(List<Transaction> transactions) {
        return transactions.stream().map(Transaction::getTransactionId).toList();
    }
}
