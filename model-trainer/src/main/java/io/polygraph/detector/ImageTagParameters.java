package io.polygraph.detector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code parameters} of a {@code cmad-image-tag} snapshot's manifest.
 *
 * @param imageSide height and width of the square, single-channel images
 * @param tagWidth length of a tag embedding
 * @param epsilon cosines below this are inconsistent; equals the manifest's threshold, kept here
 *     too so that the parameters alone rebuild the detector
 */
public record ImageTagParameters(int imageSide, int tagWidth, double epsilon) {

    @JsonCreator
    public ImageTagParameters(
            @JsonProperty("imageSide") int imageSide,
            @JsonProperty("tagWidth") int tagWidth,
            @JsonProperty("epsilon") double epsilon) {
        if (imageSide < 1 || tagWidth < 1) {
            throw new IllegalArgumentException(
                    "imageSide and tagWidth must be positive: " + imageSide + ", " + tagWidth);
        }
        if (!Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite: " + epsilon);
        }
        this.imageSide = imageSide;
        this.tagWidth = tagWidth;
        this.epsilon = epsilon;
    }

    /** As the manifest stores them. */
    public JsonNode toJson() {
        return SnapshotJson.canonicalTree(this);
    }
}
