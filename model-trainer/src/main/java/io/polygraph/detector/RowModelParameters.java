package io.polygraph.detector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.polygraph.autoencoder.ConcatenatedRows;
import java.util.Objects;

/**
 * The {@code parameters} of a {@link RowModelDetector} snapshot's manifest ({@code mmoc}, {@code
 * igmm-bigan}): how a record becomes the model's input row and how its raw score becomes a score.
 * The tabular feature encoding is the manifest's own; the input scaling travels with the network;
 * the threshold and target alert rate are in the manifest's header (and repeated in the
 * calibration, checked equal on load).
 *
 * @param rows the fitted row encoding, the autoencoder's (block layout and signature scalings)
 * @param calibration how raw scores become scores
 */
public record RowModelParameters(ConcatenatedRows rows, RawScoreCalibration calibration) {

    @JsonCreator
    public RowModelParameters(
            @JsonProperty("rows") ConcatenatedRows rows,
            @JsonProperty("calibration") RawScoreCalibration calibration) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
    }

    /** As the manifest stores them. */
    public JsonNode toJson() {
        return SnapshotJson.canonicalTree(this);
    }
}
