package io.polygraph.job.join;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.presented;
import static io.polygraph.job.SampleRecords.profile;
import static io.polygraph.job.SampleRecords.transaction;
import static io.polygraph.job.join.JoinHarness.MAX_JOIN_WAIT;
import static io.polygraph.job.join.JoinHarness.SIGNATURE_TTL;
import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The join of transactions with the signatures presented with them. */
class EntityJoinSignatureTest {

    private static final String ENTITY = "entity-1";

    private JoinHarness join;

    @BeforeEach
    void openHarnessWithProfile() throws Exception {
        join = new JoinHarness();
        join.send(profile(ENTITY, T0.minusSeconds(3600)).build());
    }

    @AfterEach
    void closeHarness() throws Exception {
        join.close();
    }

    @Test
    void presentedSignatureBeforeItsTransactionIsJoinedWhenTheTransactionArrives()
            throws Exception {
        SignatureImage signature = presented(ENTITY, "tx-1", T0).build();
        join.send(signature);
        assertThat(join.emitted()).isEmpty();
        assertThat(join.presentedSignatures(ENTITY)).isEqualTo(1);

        join.send(signedTransaction("tx-1"));

        assertThat(join.emitted()).hasSize(1);
        assertThat(join.emitted().get(0).getPresentedSignature()).isEqualTo(signature);
        join.assertNothingPending(ENTITY);
    }

    @Test
    void transactionWaitsForItsPresentedSignature() throws Exception {
        join.send(signedTransaction("tx-1"));
        assertThat(join.emitted()).isEmpty();

        SignatureImage signature = presented(ENTITY, "tx-1", T0.plusMillis(300)).build();
        join.send(signature);

        assertThat(join.emitted()).hasSize(1);
        assertThat(join.emitted().get(0).getPresentedSignature()).isEqualTo(signature);
        join.assertNothingPending(ENTITY);
    }

    @Test
    void transactionWhoseSignatureNeverArrivesIsEmittedWithoutItAfterMaxJoinWait()
            throws Exception {
        join.send(signedTransaction("tx-1"));

        join.watermark(T0.plus(MAX_JOIN_WAIT));

        assertThat(join.emitted()).hasSize(1);
        assertThat(join.emitted().get(0).getPresentedSignature()).isNull();
        assertThat(join.emitted().get(0).getProfile()).isNotNull();
        join.assertNothingPending(ENTITY);
    }

    @Test
    void signatureOfAWaitingTransactionIsKeptUntilTheTransactionIsEmitted() throws Exception {
        String entity = "entity-without-profile";
        join.send(signedTransaction(entity, "tx-1"));
        join.send(presented(entity, "tx-1", T0).build());
        assertThat(join.emitted()).as("still waiting for the profile").isEmpty();

        join.watermark(T0.plus(MAX_JOIN_WAIT));

        assertThat(join.emitted()).hasSize(1);
        assertThat(join.emitted().get(0).getProfile()).isNull();
        assertThat(join.emitted().get(0).getPresentedSignature()).isNotNull();
        join.assertNothingPending(entity);
    }

    @Test
    void unclaimedPresentedSignatureIsDroppedAfterItsTtl() throws Exception {
        join.send(presented(ENTITY, "tx-never", T0).build());

        join.watermark(T0.plus(SIGNATURE_TTL).minusMillis(1));
        assertThat(join.presentedSignatures(ENTITY)).isEqualTo(1);

        join.watermark(T0.plus(SIGNATURE_TTL));
        assertThat(join.emitted()).isEmpty();
        join.assertNothingPending(ENTITY);
    }

    @Test
    void signatureArrivingAfterItsTransactionTimedOutGoesToTheLateOutput() throws Exception {
        join.send(signedTransaction("tx-1"));
        join.watermark(T0.plus(MAX_JOIN_WAIT));
        assertThat(join.emitted()).hasSize(1);

        join.send(presented(ENTITY, "tx-1", T0).build());
        join.watermark(T0.plus(SIGNATURE_TTL));

        assertThat(join.emitted()).as("a transaction is emitted once").hasSize(1);
        assertThat(join.late()).hasSize(1);
        join.assertNothingPending(ENTITY);
    }

    private static Transaction signedTransaction(String transactionId) {
        return signedTransaction(ENTITY, transactionId);
    }

    private static Transaction signedTransaction(String entity, String transactionId) {
        return transaction(entity, transactionId, T0).setSignatureCaptured(true).build();
    }
}
