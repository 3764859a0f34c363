package io.polygraph.job.scoring;

import io.polygraph.detector.MultimodalRecord;
import io.polygraph.schema.JoinedTransaction;
import java.time.Instant;

/** Turns the join's output into the detector library's input; the one place the two meet. */
public final class MultimodalRecords {

    private MultimodalRecords() {}

    /** The record to score for {@code joined}; null modalities stay null (missing). */
    public static MultimodalRecord from(JoinedTransaction joined) {
        return new MultimodalRecord(
                joined.getTransaction(),
                joined.getRecentTransactions(),
                joined.getProfile(),
                joined.getEnrolmentSignature(),
                joined.getPresentedSignature());
    }

    /**
     * The joined form of {@code record}, as the join would have emitted it at {@code ingestTime}:
     * for feeding known records through the job's operators (benchmarks, tests).
     */
    public static JoinedTransaction joined(MultimodalRecord record, Instant ingestTime) {
        return JoinedTransaction.newBuilder()
                .setTransaction(record.transaction())
                .setRecentTransactions(record.recentTransactions())
                .setProfile(record.profile())
                .setEnrolmentSignature(record.enrolmentSignature())
                .setPresentedSignature(record.presentedSignature())
                .setIngestTime(ingestTime)
                .build();
    }
}
