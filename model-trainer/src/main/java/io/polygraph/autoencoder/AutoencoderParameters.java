package io.polygraph.autoencoder;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.polygraph.detector.SnapshotJson;
import io.polygraph.features.Standardizer;
import java.util.Objects;

/**
 * The {@code parameters} of an {@code autoencoder} snapshot's manifest: how a record becomes the
 * network's input and how its reconstruction angle becomes a score. The tabular feature encoding is
 * the manifest's own; threshold and target alert rate are in its header (and repeated in the
 * calibration, checked equal on load).
 *
 * @param rows the fitted row encoding (block layout and signature block scalings)
 * @param inputScaling the per-column scaling applied to a row before the network sees it
 * @param bottleneck width of the network's code
 * @param calibration how reconstruction angles become scores
 */
public record AutoencoderParameters(
        ConcatenatedRows rows,
        Standardizer inputScaling,
        int bottleneck,
        ReconstructionCalibration calibration) {

    @JsonCreator
    public AutoencoderParameters(
            @JsonProperty("rows") ConcatenatedRows rows,
            @JsonProperty("inputScaling") Standardizer inputScaling,
            @JsonProperty("bottleneck") int bottleneck,
            @JsonProperty("calibration") ReconstructionCalibration calibration) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.inputScaling = Objects.requireNonNull(inputScaling, "inputScaling");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        if (inputScaling.width() != rows.width()) {
            throw new IllegalArgumentException(
                    "the input scaling has "
                            + inputScaling.width()
                            + " columns, the rows "
                            + rows.width());
        }
        if (bottleneck < 1) {
            throw new IllegalArgumentException("bottleneck must be at least 1: " + bottleneck);
        }
        this.bottleneck = bottleneck;
    }

    /** As the manifest stores them. */
    public JsonNode toJson() {
        return SnapshotJson.canonicalTree(this);
    }
}
