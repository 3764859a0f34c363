package io.polygraph.detector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.polygraph.fusion.HistoryEncoding;
import java.util.Objects;

/**
 * The {@code parameters} of a {@code cmad-sequence} snapshot's manifest: the embedding size, the
 * history sequence encoding and the calibration of every pair. Threshold and target alert rate are
 * in the manifest's header.
 *
 * @param embeddingSize r, each ensemble member's share of the shared space
 * @param history how the entity's recent transactions become the LSTM's sequence
 * @param aggregation how the behaviour pairs are joined into one score
 * @param profileTransactionCalibration normalisation of the (profile, transaction) cosine
 * @param profileHistoryCalibration normalisation of the (profile, history) cosine
 * @param transactionHistoryCalibration normalisation of the (transaction, history) cosine
 * @param signatureCalibration normalisation of the (enrolment, presented signature) cosine
 */
public record CmadSequenceParameters(
        int embeddingSize,
        HistoryEncoding history,
        BehaviourAggregation aggregation,
        PairCalibration profileTransactionCalibration,
        PairCalibration profileHistoryCalibration,
        PairCalibration transactionHistoryCalibration,
        PairCalibration signatureCalibration) {

    @JsonCreator
    public CmadSequenceParameters(
            @JsonProperty("embeddingSize") int embeddingSize,
            @JsonProperty("history") HistoryEncoding history,
            @JsonProperty("aggregation") BehaviourAggregation aggregation,
            @JsonProperty("profileTransactionCalibration")
                    PairCalibration profileTransactionCalibration,
            @JsonProperty("profileHistoryCalibration") PairCalibration profileHistoryCalibration,
            @JsonProperty("transactionHistoryCalibration")
                    PairCalibration transactionHistoryCalibration,
            @JsonProperty("signatureCalibration") PairCalibration signatureCalibration) {
        if (embeddingSize < 1) {
            throw new IllegalArgumentException("embeddingSize must be positive: " + embeddingSize);
        }
        this.embeddingSize = embeddingSize;
        this.history = Objects.requireNonNull(history, "history");
        this.aggregation = Objects.requireNonNull(aggregation, "aggregation");
        this.profileTransactionCalibration =
                Objects.requireNonNull(profileTransactionCalibration, "profileTransaction");
        this.profileHistoryCalibration =
                Objects.requireNonNull(profileHistoryCalibration, "profileHistory");
        this.transactionHistoryCalibration =
                Objects.requireNonNull(transactionHistoryCalibration, "transactionHistory");
        this.signatureCalibration = Objects.requireNonNull(signatureCalibration, "signature");
    }

    /** The parameters of a detector with this embedding size, history encoding and calibration. */
    public static CmadSequenceParameters of(
            int embeddingSize, HistoryEncoding history, ConsensusCalibration calibration) {
        return new CmadSequenceParameters(
                embeddingSize,
                history,
                calibration.aggregation(),
                calibration.profileTransaction(),
                calibration.profileHistory(),
                calibration.transactionHistory(),
                calibration.signature());
    }

    /** The calibration these parameters give with the manifest's threshold. */
    public ConsensusCalibration calibration(double threshold, double targetAlertRate) {
        return new ConsensusCalibration(
                profileTransactionCalibration,
                profileHistoryCalibration,
                transactionHistoryCalibration,
                signatureCalibration,
                aggregation,
                threshold,
                targetAlertRate);
    }

    /** As the manifest stores them. */
    public JsonNode toJson() {
        return SnapshotJson.canonicalTree(this);
    }
}
