package io.polygraph.job.join;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.enrolment;
import static io.polygraph.job.SampleRecords.profile;
import static io.polygraph.job.SampleRecords.transaction;
import static io.polygraph.job.join.JoinHarness.ENTITY_TTL;
import static io.polygraph.job.join.JoinHarness.MAX_JOIN_WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.schema.JoinedTransaction;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idle entities: after {@link JoinHarness#ENTITY_TTL} of event time without a record, an entity
 * holds no state and no timer, and its next transaction is joined as for a new entity.
 */
class EntityJoinExpiryTest {

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
    void idleEntityLosesAllStateAndTimersAfterTheTtl() throws Exception {
        sendEntityWithOneTransactionAt(ENTITY, T0);
        assertThat(join.keyedStateEntries()).isPositive();
        assertThat(join.eventTimeTimers()).as("the expiry timer").isEqualTo(1);

        join.watermark(T0.plus(ENTITY_TTL).minusMillis(1));
        assertThat(join.entitiesWithState()).isEqualTo(1);

        join.watermark(T0.plus(ENTITY_TTL));
        assertThat(join.keyedStateEntries()).as("keyed state entries").isZero();
        assertThat(join.eventTimeTimers()).as("event-time timers").isZero();
        assertThat(join.counter("idleEntitiesExpired")).isEqualTo(1);
        join.assertNothingPending(ENTITY);
    }

    @Test
    void transactionAfterTheTtlIsJoinedAsForANewEntity() throws Exception {
        sendEntityWithOneTransactionAt(ENTITY, T0);
        Instant expired = T0.plus(ENTITY_TTL);
        join.watermark(expired);

        join.send(transaction(ENTITY, "tx-2", expired.plusSeconds(1)).build());
        assertThat(join.emitted()).as("waits for a profile, as a new entity's would").hasSize(1);
        join.watermark(expired.plusSeconds(1).plus(MAX_JOIN_WAIT));

        assertThat(join.emitted()).hasSize(2);
        JoinedTransaction joined = join.emitted().get(1);
        assertThat(joined.getProfile()).isNull();
        assertThat(joined.getEnrolmentSignature()).isNull();
        assertThat(joined.getRecentTransactions()).isEmpty();
    }

    @Test
    void everyRecordPostponesTheExpiryAndKeepsOneTimer() throws Exception {
        sendEntityWithOneTransactionAt(ENTITY, T0);
        Instant later = T0.plus(ENTITY_TTL.dividedBy(2));
        join.send(transaction(ENTITY, "tx-2", later).build());
        assertThat(join.eventTimeTimers()).as("the old expiry timer was moved").isEqualTo(1);

        join.watermark(T0.plus(ENTITY_TTL));
        assertThat(join.entitiesWithState()).isEqualTo(1);

        join.watermark(later.plus(ENTITY_TTL));
        assertThat(join.keyedStateEntries()).isZero();
        assertThat(join.eventTimeTimers()).isZero();
    }

    @Test
    void lateReferenceDataCountsFromItsArrivalNotFromItsOldEventTime() throws Exception {
        join.watermark(T0);
        join.send(profile(ENTITY, T0.minus(ENTITY_TTL.multipliedBy(3))).build());

        join.watermark(T0.plus(ENTITY_TTL).minusMillis(1));
        assertThat(join.entitiesWithState()).isEqualTo(1);

        join.watermark(T0.plus(ENTITY_TTL));
        assertThat(join.keyedStateEntries()).isZero();
    }

    @Test
    void oneEntityExpiringLeavesAnotherAlone() throws Exception {
        sendEntityWithOneTransactionAt("entity-old", T0);
        sendEntityWithOneTransactionAt("entity-new", T0.plus(ENTITY_TTL.dividedBy(2)));

        join.watermark(T0.plus(ENTITY_TTL));

        assertThat(join.entitiesWithState()).isEqualTo(1);
        assertThat(join.eventTimeTimers()).isEqualTo(1);
        join.send(transaction("entity-new", "tx-3", T0.plus(ENTITY_TTL).plusSeconds(1)).build());
        assertThat(join.emitted().get(join.emitted().size() - 1).getProfile()).isNotNull();
    }

    @Test
    void expiryTimerSurvivesACheckpointRestore() throws Exception {
        sendEntityWithOneTransactionAt(ENTITY, T0);
        JoinHarness restored = new JoinHarness(join.snapshot(1L));
        try {
            assertThat(restored.eventTimeTimers()).isEqualTo(1);

            restored.watermark(T0.plus(ENTITY_TTL));

            assertThat(restored.keyedStateEntries()).isZero();
            assertThat(restored.eventTimeTimers()).isZero();
        } finally {
            restored.close();
        }
    }

    private void sendEntityWithOneTransactionAt(String entity, Instant at) throws Exception {
        join.send(profile(entity, at.minusSeconds(3600)).build());
        join.send(enrolment(entity, at.minusSeconds(3600)).build());
        join.send(transaction(entity, "tx-" + entity, at).build());
    }
}
