package io.polygraph.detector;

import io.polygraph.schema.CustomerProfile;
import io.polygraph.schema.JoinedTransaction;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One transaction together with everything known of its entity when it happened: the unit every
 * detector scores.
 *
 * <p>Any modality other than the transaction may be missing (a transaction that arrived before its
 * customer's profile, a channel that captures no signature); detectors score what is there and say
 * what was missing.
 *
 * @param transaction the transaction to score
 * @param recentTransactions the entity's previous transactions, oldest first (never null)
 * @param profile the entity's latest profile, or null when unknown
 * @param enrolmentSignature the entity's enrolment (reference) signature, or null when unknown
 * @param presentedSignature the signature presented with this transaction, or null
 */
public record MultimodalRecord(
        Transaction transaction,
        List<Transaction> recentTransactions,
        CustomerProfile profile,
        SignatureImage enrolmentSignature,
        SignatureImage presentedSignature) {

    public MultimodalRecord {
        Objects.requireNonNull(transaction, "transaction");
        recentTransactions = recentTransactions == null ? List.of() : recentTransactions;
    }

    /** The record the job's join emitted as {@code joined}; missing modalities stay null. */
    public static MultimodalRecord of(JoinedTransaction joined) {
        return new MultimodalRecord(
                joined.getTransaction(),
                joined.getRecentTransactions(),
                joined.getProfile(),
                joined.getEnrolmentSignature(),
                joined.getPresentedSignature());
    }

    /**
     * This record in the join's form, as if emitted at {@code ingestTime}: for feeding known
     * records through the job's operators and for storing them (reference records, benchmarks).
     */
    public JoinedTransaction toJoined(Instant ingestTime) {
        return JoinedTransaction.newBuilder()
                .setTransaction(transaction)
                .setRecentTransactions(recentTransactions)
                .setProfile(profile)
                .setEnrolmentSignature(enrolmentSignature)
                .setPresentedSignature(presentedSignature)
                .setIngestTime(ingestTime)
                .build();
    }
}
