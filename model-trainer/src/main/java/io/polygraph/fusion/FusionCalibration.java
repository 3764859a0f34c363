package io.polygraph.fusion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.polygraph.detector.PairCalibration;
import java.util.List;
import java.util.Objects;

/**
 * How DMAFN's raw outputs become scores on the common scale of every Polygraph detector, fitted on
 * held-out normal records.
 *
 * <p>The raw value is turned so that higher is more normal (the negated reconstruction error, or
 * the negated anomaly logit), then mapped through {@link PairCalibration}'s normal-scores
 * transform: on normal data the result is a squashed standard normal, 0 at the median normal
 * record, in (-1, 1), lower more anomalous, exactly as a CMAD score. This is the quantile
 * normalisation the issue asks for; it makes scores of different detectors comparable and lets one
 * threshold rule (the target alert rate on held-out normal records) serve them all.
 *
 * @param overall calibration of the record's overall raw value ({@link #overallRaw})
 * @param modalities calibration of each modality's own reconstruction error, in {@link Modality}
 *     order (autoencoder head), or an empty list (classifier head)
 * @param threshold epsilon on the calibrated overall score
 * @param targetAlertRate the share of held-out normal records epsilon was chosen to flag
 */
public record FusionCalibration(
        PairCalibration overall,
        List<PairCalibration> modalities,
        double threshold,
        double targetAlertRate) {

    @JsonCreator
    public FusionCalibration(
            @JsonProperty("overall") PairCalibration overall,
            @JsonProperty("modalities") List<PairCalibration> modalities,
            @JsonProperty("threshold") double threshold,
            @JsonProperty("targetAlertRate") double targetAlertRate) {
        this.overall = Objects.requireNonNull(overall, "overall");
        this.modalities = modalities == null ? List.of() : List.copyOf(modalities);
        if (!this.modalities.isEmpty() && this.modalities.size() != Modality.count()) {
            throw new IllegalArgumentException(
                    "one calibration per modality is needed, got " + this.modalities.size());
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite");
        }
        this.threshold = threshold;
        this.targetAlertRate = targetAlertRate;
    }

    /**
     * The value a record's score calibrates, from its {@link DmafnDetector#rawValues} row: the
     * classifier's negated logit, or (autoencoder head) the lowest z-score of its present
     * modalities against their own normal errors, so that the least normal modality decides.
     */
    public double overallRaw(double[] raw) {
        if (modalities.isEmpty()) {
            return raw[0];
        }
        double lowest = Double.POSITIVE_INFINITY;
        for (Modality modality : Modality.values()) {
            double value = raw[1 + modality.ordinal()];
            if (!Double.isNaN(value)) {
                lowest = Math.min(lowest, modalities.get(modality.ordinal()).zScore(value));
            }
        }
        return lowest;
    }

    /** The calibrated score of a record's raw values (higher raw is more normal). */
    public double score(double[] raw) {
        return overall.normalise(overallRaw(raw));
    }

    /**
     * The calibrated score of one modality's raw value, or NaN without per-modality calibration.
     */
    public double modalityScore(Modality modality, double raw) {
        return modalities.isEmpty()
                ? Double.NaN
                : modalities.get(modality.ordinal()).normalise(raw);
    }
}
