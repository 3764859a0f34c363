package io.polygraph.fusion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.polygraph.detector.SnapshotJson;
import java.util.Objects;

/**
 * The {@code parameters} of a {@code dmafn} snapshot's manifest: how the network was built and how
 * its outputs are calibrated. The tabular feature encoding is the manifest's own; threshold and
 * target alert rate are in its header (and repeated in the calibration, checked equal on load).
 *
 * @param mode the fusion mode the network was built with
 * @param head the detection head the network was built with
 * @param history the history sequence encoding
 * @param calibration how raw outputs become scores
 */
public record DmafnParameters(
        FusionMode mode,
        DetectionHead head,
        HistoryEncoding history,
        FusionCalibration calibration) {

    @JsonCreator
    public DmafnParameters(
            @JsonProperty("mode") FusionMode mode,
            @JsonProperty("head") DetectionHead head,
            @JsonProperty("history") HistoryEncoding history,
            @JsonProperty("calibration") FusionCalibration calibration) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.head = Objects.requireNonNull(head, "head");
        this.history = Objects.requireNonNull(history, "history");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
    }

    /** As the manifest stores them. */
    public JsonNode toJson() {
        return SnapshotJson.canonicalTree(this);
    }
}
