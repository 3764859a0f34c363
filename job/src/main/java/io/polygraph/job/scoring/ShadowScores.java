package io.polygraph.job.scoring;

import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.RecordScore;
import io.polygraph.schema.ShadowScore;
import io.polygraph.schema.Transaction;

/** Builds the {@link ShadowScore} record of one transaction scored by both models. */
final class ShadowScores {

    private ShadowScores() {}

    static ShadowScore of(
            Transaction transaction,
            RecordScore shadowScore,
            ModelInfo shadowModel,
            RecordScore primaryScore,
            ModelInfo primaryModel) {
        return ShadowScore.newBuilder()
                .setTransactionId(transaction.getTransactionId())
                .setEntityId(transaction.getEntityId())
                .setEventTime(transaction.getEventTime())
                .setShadowModelName(shadowModel.name())
                .setShadowModelVersion(shadowModel.version())
                .setShadowScore(shadowScore.score())
                .setShadowThreshold(shadowModel.threshold())
                .setShadowAnomalous(shadowScore.score() < shadowModel.threshold())
                .setPrimaryModelVersion(primaryModel.version())
                .setPrimaryScore(primaryScore.score())
                .build();
    }
}
