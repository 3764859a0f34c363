package io.polygraph.detector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The {@code parameters} of a {@code cmad} snapshot's manifest: the embedding size and how each
 * pair's cosines are calibrated. Threshold and target alert rate are in the manifest's header.
 *
 * @param embeddingSize r, the dimension of the shared space
 * @param profileTransactionCalibration normalisation of the (profile, transaction) cosine
 * @param signatureCalibration normalisation of the (enrolment, presented signature) cosine
 */
public record CmadParameters(
        int embeddingSize,
        PairCalibration profileTransactionCalibration,
        PairCalibration signatureCalibration) {

    @JsonCreator
    public CmadParameters(
            @JsonProperty("embeddingSize") int embeddingSize,
            @JsonProperty("profileTransactionCalibration")
                    PairCalibration profileTransactionCalibration,
            @JsonProperty("signatureCalibration") PairCalibration signatureCalibration) {
        if (embeddingSize < 1) {
            throw new IllegalArgumentException("embeddingSize must be positive: " + embeddingSize);
        }
        this.embeddingSize = embeddingSize;
        this.profileTransactionCalibration =
                Objects.requireNonNull(
                        profileTransactionCalibration, "profileTransactionCalibration");
        this.signatureCalibration =
                Objects.requireNonNull(signatureCalibration, "signatureCalibration");
    }

    /** The parameters of a detector with this embedding size and calibration. */
    public static CmadParameters of(int embeddingSize, ScoreCalibration calibration) {
        return new CmadParameters(
                embeddingSize, calibration.profileTransaction(), calibration.signature());
    }

    /** The score calibration these pair calibrations give with the manifest's threshold. */
    public ScoreCalibration calibration(double threshold, double targetAlertRate) {
        return new ScoreCalibration(
                profileTransactionCalibration, signatureCalibration, threshold, targetAlertRate);
    }

    /** As the manifest stores them. */
    public JsonNode toJson() {
        return SnapshotJson.canonicalTree(this);
    }
}
