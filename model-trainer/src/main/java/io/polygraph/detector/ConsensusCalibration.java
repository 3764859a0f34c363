package io.polygraph.detector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * How a {@code cmad-sequence} detector's raw cosines become a record's score: one {@link
 * PairCalibration} per pair, the rule that joins the behaviour pairs, and the threshold epsilon.
 *
 * <p>Score of a record: the minimum of its behaviour score ({@link BehaviourAggregation} of the
 * behaviour pairs it has) and its signature pair's score, as in {@link ScoreCalibration}.
 *
 * @param profileTransaction calibration of (profile, transaction)
 * @param profileHistory calibration of (profile, history)
 * @param transactionHistory calibration of (transaction, history)
 * @param signature calibration of (enrolment, presented signature)
 * @param aggregation how the behaviour pairs are joined
 * @param threshold epsilon: records scoring below it are anomalous
 * @param targetAlertRate the share of normal held-out records epsilon was chosen to flag
 */
public record ConsensusCalibration(
        PairCalibration profileTransaction,
        PairCalibration profileHistory,
        PairCalibration transactionHistory,
        PairCalibration signature,
        BehaviourAggregation aggregation,
        double threshold,
        double targetAlertRate) {

    @JsonCreator
    public ConsensusCalibration(
            @JsonProperty("profileTransaction") PairCalibration profileTransaction,
            @JsonProperty("profileHistory") PairCalibration profileHistory,
            @JsonProperty("transactionHistory") PairCalibration transactionHistory,
            @JsonProperty("signature") PairCalibration signature,
            @JsonProperty("aggregation") BehaviourAggregation aggregation,
            @JsonProperty("threshold") double threshold,
            @JsonProperty("targetAlertRate") double targetAlertRate) {
        this.profileTransaction = Objects.requireNonNull(profileTransaction, "profileTransaction");
        this.profileHistory = Objects.requireNonNull(profileHistory, "profileHistory");
        this.transactionHistory = Objects.requireNonNull(transactionHistory, "transactionHistory");
        this.signature = Objects.requireNonNull(signature, "signature");
        this.aggregation = Objects.requireNonNull(aggregation, "aggregation");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite");
        }
        this.threshold = threshold;
        this.targetAlertRate = targetAlertRate;
    }

    /** This calibration with another threshold. */
    public ConsensusCalibration withThreshold(double value) {
        return new ConsensusCalibration(
                profileTransaction,
                profileHistory,
                transactionHistory,
                signature,
                aggregation,
                value,
                targetAlertRate);
    }

    /** This calibration with another behaviour aggregation. */
    public ConsensusCalibration withAggregation(BehaviourAggregation value) {
        return new ConsensusCalibration(
                profileTransaction,
                profileHistory,
                transactionHistory,
                signature,
                value,
                threshold,
                targetAlertRate);
    }
}
