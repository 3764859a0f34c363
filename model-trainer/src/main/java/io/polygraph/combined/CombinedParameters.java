package io.polygraph.combined;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.polygraph.detector.PairCalibration;
import io.polygraph.detector.SnapshotJson;
import io.polygraph.detector.SnapshotManifest;
import java.util.List;
import java.util.Objects;

/**
 * The manifest parameters of a {@code combined} snapshot: each member's own manifest, as the member
 * would have written it alone, and how its scores are put on the combination's scale.
 *
 * @param members the members in the order of {@link CombinedDetectorType#MEMBERS}
 */
public record CombinedParameters(List<Member> members) {

    @JsonCreator
    public CombinedParameters(@JsonProperty("members") List<Member> members) {
        this.members = List.copyOf(Objects.requireNonNull(members, "members"));
    }

    /** These parameters as the JSON tree a snapshot stores. */
    public JsonNode toJson() {
        return SnapshotJson.canonicalTree(this);
    }

    /**
     * One member of the combination.
     *
     * @param name the member's name, also the prefix of its networks in the snapshot
     * @param manifest the member's manifest (its type, threshold, encoding and parameters)
     * @param calibration the normal-scores transform of the member's scores, fitted on the
     *     combination's held-out normal records (its knots are member scores, not cosines)
     */
    public record Member(String name, SnapshotManifest manifest, PairCalibration calibration) {

        @JsonCreator
        public Member(
                @JsonProperty("name") String name,
                @JsonProperty("manifest") SnapshotManifest manifest,
                @JsonProperty("calibration") PairCalibration calibration) {
            this.name = Objects.requireNonNull(name, "name");
            this.manifest = Objects.requireNonNull(manifest, "manifest");
            this.calibration = Objects.requireNonNull(calibration, "calibration");
        }
    }
}
