package io.polygraph.detector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Objects;

/**
 * How raw pair cosines become a record's score and verdict: one {@link PairCalibration} per pair,
 * and the threshold epsilon.
 *
 * <p>Score of a record: the minimum of the normalised scores of the pairs that could be computed
 * for it. The minimum rather than a mean because one broken pair is enough to make a record
 * suspicious (a forged signature does not become acceptable because the purchase fits the profile),
 * and because the normalisation makes the pairs comparable. Epsilon is the score below which the
 * target share of held-out normal records falls ({@link #thresholdFor}); the target is kept to
 * report what the threshold was calibrated for.
 *
 * @param profileTransaction calibration of the (profile, transaction) pair
 * @param signature calibration of the (enrolment, presented signature) pair
 * @param threshold epsilon: records scoring below it are anomalous
 * @param targetAlertRate the share of normal held-out records epsilon was chosen to flag
 */
public record ScoreCalibration(
        PairCalibration profileTransaction,
        PairCalibration signature,
        double threshold,
        double targetAlertRate) {

    @JsonCreator
    public ScoreCalibration(
            @JsonProperty("profileTransaction") PairCalibration profileTransaction,
            @JsonProperty("signature") PairCalibration signature,
            @JsonProperty("threshold") double threshold,
            @JsonProperty("targetAlertRate") double targetAlertRate) {
        this.profileTransaction = Objects.requireNonNull(profileTransaction, "profileTransaction");
        this.signature = Objects.requireNonNull(signature, "signature");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite");
        }
        this.threshold = threshold;
        this.targetAlertRate = targetAlertRate;
    }

    /**
     * The epsilon that flags at most {@code targetAlertRate} of {@code normalScores}: halfway
     * between the k-th and (k+1)-th lowest score, k = floor(rate * n), so that exactly k of them
     * fall below it when scores are distinct.
     */
    public static double thresholdFor(double[] normalScores, double targetAlertRate) {
        if (normalScores.length == 0) {
            throw new IllegalArgumentException("no normal scores to calibrate the threshold on");
        }
        double[] sorted = normalScores.clone();
        Arrays.sort(sorted);
        int k = (int) Math.floor(targetAlertRate * sorted.length);
        if (k == 0) {
            // Below every normal score: no normal record is flagged.
            return sorted[0] - 1e-9;
        }
        return (sorted[k - 1] + sorted[k]) / 2;
    }
}
