package io.polygraph.mmoc;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.polygraph.detector.PairCalibration;
import io.polygraph.detector.ScoreCalibration;
import java.util.Arrays;
import java.util.Objects;

/**
 * How MMOC-GAN's raw anomaly scores become scores on the common scale of every Polygraph detector,
 * fitted on held-out normal records.
 *
 * <p>The raw score is the discriminator's {@code 1 - P(real)}, higher more anomalous; its negation
 * is mapped through {@link PairCalibration}'s normal-scores transform, so that on normal data the
 * score is a squashed standard normal, 0 at the median normal record, in (-1, 1), lower more
 * anomalous, as a CMAD, DMAFN or autoencoder score. Epsilon flags the target share of the held-out
 * normal records ({@link ScoreCalibration#thresholdFor}). The library's own threshold rule ({@link
 * io.polygraph.gan.mmoc.ThresholdRule}) is not used: it is chosen on the training rows, on which a
 * discriminator is optimistic, and on the raw scale, which no other detector shares.
 *
 * @param overall calibration of the negated raw score
 * @param threshold epsilon on the calibrated score
 * @param targetAlertRate the share of held-out normal records epsilon was chosen to flag
 */
public record MmocCalibration(PairCalibration overall, double threshold, double targetAlertRate) {

    @JsonCreator
    public MmocCalibration(
            @JsonProperty("overall") PairCalibration overall,
            @JsonProperty("threshold") double threshold,
            @JsonProperty("targetAlertRate") double targetAlertRate) {
        this.overall = Objects.requireNonNull(overall, "overall");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite");
        }
        this.threshold = threshold;
        this.targetAlertRate = targetAlertRate;
    }

    /** Fits on the raw scores of held-out normal records. */
    public static MmocCalibration fit(double[] normalRawScores, double targetAlertRate) {
        if (normalRawScores.length == 0) {
            throw new IllegalArgumentException("no normal records to calibrate on");
        }
        PairCalibration overall =
                PairCalibration.fit(Arrays.stream(normalRawScores).map(s -> -s).toArray());
        double[] scores = Arrays.stream(normalRawScores).map(s -> overall.normalise(-s)).toArray();
        return new MmocCalibration(
                overall, ScoreCalibration.thresholdFor(scores, targetAlertRate), targetAlertRate);
    }

    /** A calibration that maps raw scores without fitting, for a detector not yet calibrated. */
    public static MmocCalibration uncalibrated(double targetAlertRate) {
        return new MmocCalibration(PairCalibration.uncalibrated(0), 0, targetAlertRate);
    }

    /** The calibrated score of a raw score. */
    public double score(double rawScore) {
        return overall.normalise(-rawScore);
    }
}
