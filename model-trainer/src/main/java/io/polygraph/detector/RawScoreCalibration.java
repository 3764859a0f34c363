package io.polygraph.detector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Objects;

/**
 * How a detector's raw anomaly scores, higher more anomalous, become scores on the common scale of
 * every Polygraph detector, fitted on held-out normal records.
 *
 * <p>Shared by the detectors whose model yields one unbounded or bounded raw score per record
 * rather than a calibrated one: MMOC-GAN's discriminator {@code 1 - P(real)} ({@code mmoc}) and
 * IGMM-BiGAN's minimum Mahalanobis distance to the latent mixture ({@code igmm-bigan}). The raw
 * score's negation is mapped through {@link PairCalibration}'s normal-scores transform, so that on
 * normal data the score is a squashed standard normal, 0 at the median normal record, in (-1, 1),
 * lower more anomalous, as a CMAD, DMAFN or autoencoder score. The transform is fitted to the
 * empirical distribution of the held-out normal raw scores, so any raw scale, bounded or not, works
 * as long as higher means more anomalous. Epsilon flags the target share of the held-out normal
 * records ({@link ScoreCalibration#thresholdFor}). The GAN libraries' own threshold rules are not
 * used: they are chosen on the training rows, on which a model is optimistic, and on a raw scale no
 * other detector shares.
 *
 * @param overall calibration of the negated raw score
 * @param threshold epsilon on the calibrated score
 * @param targetAlertRate the share of held-out normal records epsilon was chosen to flag
 */
public record RawScoreCalibration(
        PairCalibration overall, double threshold, double targetAlertRate) {

    @JsonCreator
    public RawScoreCalibration(
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
    public static RawScoreCalibration fit(double[] normalRawScores, double targetAlertRate) {
        if (normalRawScores.length == 0) {
            throw new IllegalArgumentException("no normal records to calibrate on");
        }
        PairCalibration overall =
                PairCalibration.fit(Arrays.stream(normalRawScores).map(s -> -s).toArray());
        double[] scores = Arrays.stream(normalRawScores).map(s -> overall.normalise(-s)).toArray();
        return new RawScoreCalibration(
                overall, ScoreCalibration.thresholdFor(scores, targetAlertRate), targetAlertRate);
    }

    /** A calibration that maps raw scores without fitting, for a detector not yet calibrated. */
    public static RawScoreCalibration uncalibrated(double targetAlertRate) {
        return new RawScoreCalibration(PairCalibration.uncalibrated(0), 0, targetAlertRate);
    }

    /** The calibrated score of a raw score. */
    public double score(double rawScore) {
        return overall.normalise(-rawScore);
    }
}
