package io.polygraph.job.scoring;

import io.polygraph.detector.MultimodalRecord;
import io.polygraph.schema.JoinedTransaction;

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
}
