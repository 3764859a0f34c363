package io.polygraph.job.join;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.enrolment;
import static io.polygraph.job.SampleRecords.presented;
import static io.polygraph.job.SampleRecords.profile;
import static io.polygraph.job.SampleRecords.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records that reach the join behind its watermark: transactions and unclaimed presented signatures
 * are diverted to the late output, reference data is still applied.
 */
class EntityJoinLateRecordsTest {

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
    void transactionBehindTheWatermarkGoesToTheLateOutputAndIsNotJoined() throws Exception {
        join.send(profile(ENTITY, T0.minusSeconds(3600)).build());
        join.watermark(T0.plusSeconds(10));

        Transaction late = transaction(ENTITY, "tx-late", T0.plusSeconds(4)).build();
        join.send(late);

        assertThat(join.emitted()).isEmpty();
        assertThat(join.late()).hasSize(1);
        LateRecord diverted = join.late().get(0);
        assertThat(diverted.event.getPayload()).isEqualTo(late);
        assertThat(diverted.watermark).isEqualTo(T0.plusSeconds(10).toEpochMilli());
        assertThat(diverted.latenessMillis()).isEqualTo(6_000);
        assertThat(join.counter("lateRecords.transaction")).isEqualTo(1);
        join.assertNothingPending(ENTITY);
    }

    @Test
    void aTransactionAtTheWatermarkIsLateAndOneJustAfterItIsJoined() throws Exception {
        join.send(profile(ENTITY, T0.minusSeconds(3600)).build());
        join.watermark(T0);

        join.send(transaction(ENTITY, "tx-at", T0).build());
        join.send(transaction(ENTITY, "tx-after", T0.plusMillis(1)).build());

        assertThat(join.late())
                .extracting(r -> ((Transaction) r.event.getPayload()).getTransactionId())
                .containsExactly("tx-at");
        assertThat(join.emitted())
                .extracting(j -> j.getTransaction().getTransactionId())
                .containsExactly("tx-after");
        assertThat(join.emitted().get(0).getRecentTransactions())
                .as("a late transaction does not enter the history")
                .isEmpty();
    }

    @Test
    void lateProfileIsStillAppliedAndNotDiverted() throws Exception {
        join.watermark(T0);
        CustomerProfile late = profile(ENTITY, T0.minusSeconds(60)).build();
        join.send(late);

        join.send(transaction(ENTITY, "tx-1", T0.plusSeconds(1)).build());

        assertThat(join.late()).isEmpty();
        assertThat(join.counter("lateRecords.profile")).isEqualTo(1);
        assertThat(join.emitted()).hasSize(1);
        assertThat(join.emitted().get(0).getProfile()).isEqualTo(late);
    }

    @Test
    void lateEnrolmentSignatureIsStillAppliedAndNotDiverted() throws Exception {
        join.send(profile(ENTITY, T0.minusSeconds(3600)).build());
        join.watermark(T0);
        SignatureImage late = enrolment(ENTITY, T0.minusSeconds(60)).build();
        join.send(late);

        join.send(transaction(ENTITY, "tx-1", T0.plusSeconds(1)).build());

        assertThat(join.late()).isEmpty();
        assertThat(join.counter("lateRecords.enrolmentSignature")).isEqualTo(1);
        assertThat(join.emitted().get(0).getEnrolmentSignature()).isEqualTo(late);
    }

    @Test
    void latePresentedSignatureIsJoinedWhileItsTransactionStillWaits() throws Exception {
        join.send(profile(ENTITY, T0.minusSeconds(3600)).build());
        join.send(transaction(ENTITY, "tx-1", T0).setSignatureCaptured(true).build());
        join.watermark(T0.plusSeconds(5));

        SignatureImage signature = presented(ENTITY, "tx-1", T0).build();
        join.send(signature);

        assertThat(join.late()).isEmpty();
        assertThat(join.counter("lateRecords.presentedSignature")).as("not late").isZero();
        assertThat(join.emitted()).hasSize(1);
        assertThat(join.emitted().get(0).getPresentedSignature()).isEqualTo(signature);
        join.assertNothingPending(ENTITY);
    }

    @Test
    void latePresentedSignatureWithoutAWaitingTransactionGoesToTheLateOutput() throws Exception {
        join.watermark(T0.plusSeconds(5));

        join.send(presented(ENTITY, "tx-gone", T0).build());

        assertThat(join.late()).hasSize(1);
        assertThat(join.counter("lateRecords.presentedSignature")).isEqualTo(1);
        assertThat(join.presentedSignatures(ENTITY)).isZero();
        join.assertNothingPending(ENTITY);
    }
}
