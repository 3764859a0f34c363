package io.polygraph.detector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.polygraph.features.FeatureEncoding;

/**
 * The {@code manifest.json} of a snapshot: what the model is, how to encode its inputs and how to
 * turn its outputs into verdicts.
 *
 * <p>A common header for every detector type, plus {@code parameters}: a JSON object whose shape is
 * the detector type's business (for {@code cmad} the embedding size and both pair calibrations, see
 * {@link CmadParameters}), read by the type with {@link DetectorSnapshot#parameters}. Everything
 * here is plain data, read with Jackson after the snapshot's checksum has been verified. The
 * training configuration and held-out metrics are kept as free-form JSON: the detector does not
 * need them, people and tools reading the snapshot do, and the library that scores need not depend
 * on the trainer's types.
 *
 * @param formatVersion version of this snapshot layout, {@link #FORMAT_VERSION}
 * @param detectorType id of the detector type in {@link DetectorTypes}, for example {@code cmad}
 * @param name detector name as alerts report it, for example {@code cmad}
 * @param version unique version of this snapshot: creation time and a short hash of its networks
 *     ({@link SnapshotVersion})
 * @param createdAt ISO-8601 instant of creation
 * @param threshold epsilon
 * @param targetAlertRate the alert rate on held-out normal records epsilon was chosen for
 * @param featureSpecVersion feature encoding version the model was trained with; null for a
 *     detector that encodes no transaction records
 * @param featureEncoding vocabularies, standardisation and recent-history window; null exactly when
 *     {@code featureSpecVersion} is
 * @param parameters what the detector type needs besides its networks, a JSON object
 * @param trainingConfig the trainer's configuration, free-form
 * @param heldOutMetrics the evaluation on the held-out split, free-form
 */
public record SnapshotManifest(
        int formatVersion,
        String detectorType,
        String name,
        String version,
        String createdAt,
        double threshold,
        double targetAlertRate,
        Integer featureSpecVersion,
        FeatureEncoding featureEncoding,
        JsonNode parameters,
        JsonNode trainingConfig,
        JsonNode heldOutMetrics) {

    /** The snapshot layout this library writes (it also reads format 1, see {@code read}). */
    public static final int FORMAT_VERSION = 2;

    @JsonCreator
    public SnapshotManifest(
            @JsonProperty("formatVersion") int formatVersion,
            @JsonProperty("detectorType") String detectorType,
            @JsonProperty("name") String name,
            @JsonProperty("version") String version,
            @JsonProperty("createdAt") String createdAt,
            @JsonProperty("threshold") double threshold,
            @JsonProperty("targetAlertRate") double targetAlertRate,
            @JsonProperty("featureSpecVersion") Integer featureSpecVersion,
            @JsonProperty("featureEncoding") FeatureEncoding featureEncoding,
            @JsonProperty("parameters") JsonNode parameters,
            @JsonProperty("trainingConfig") JsonNode trainingConfig,
            @JsonProperty("heldOutMetrics") JsonNode heldOutMetrics) {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException(
                    "snapshot format "
                            + formatVersion
                            + " is not supported (this library reads formats 1 and "
                            + FORMAT_VERSION
                            + ")");
        }
        this.formatVersion = formatVersion;
        this.detectorType = required(detectorType, "detectorType");
        this.name = required(name, "name");
        this.version = required(version, "version");
        this.createdAt = required(createdAt, "createdAt");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("manifest threshold must be finite: " + threshold);
        }
        this.threshold = threshold;
        this.targetAlertRate = targetAlertRate;
        if ((featureSpecVersion == null) != (featureEncoding == null)
                || (featureEncoding != null
                        && featureSpecVersion != featureEncoding.featureSpecVersion())) {
            throw new IllegalArgumentException("manifest and feature encoding disagree on version");
        }
        this.featureSpecVersion = featureSpecVersion;
        this.featureEncoding = featureEncoding;
        this.parameters = objectOrEmpty(parameters, "parameters");
        this.trainingConfig = trainingConfig == null ? empty() : trainingConfig;
        this.heldOutMetrics = heldOutMetrics == null ? empty() : heldOutMetrics;
    }

    /**
     * Name, version, threshold and feature spec version, as the scoring API reports them; the
     * feature spec version is 0 for a detector that encodes no transaction records.
     */
    public ModelInfo modelInfo() {
        return new ModelInfo(
                name, version, threshold, featureSpecVersion == null ? 0 : featureSpecVersion);
    }

    /**
     * The manifest of a snapshot written now, in the current format: version and creation time from
     * {@code stamp}, the feature spec version from {@code featureEncoding}.
     *
     * @param featureEncoding null for a detector that encodes no transaction records
     */
    public static SnapshotManifest stamped(
            String detectorType,
            String name,
            SnapshotStamp stamp,
            double threshold,
            double targetAlertRate,
            FeatureEncoding featureEncoding,
            JsonNode parameters,
            JsonNode trainingConfig,
            JsonNode heldOutMetrics) {
        return new SnapshotManifest(
                FORMAT_VERSION,
                detectorType,
                name,
                stamp.version(),
                stamp.createdAt(),
                threshold,
                targetAlertRate,
                featureEncoding == null ? null : featureEncoding.featureSpecVersion(),
                featureEncoding,
                parameters,
                trainingConfig,
                heldOutMetrics);
    }

    /** A copy with other held-out metrics. */
    public SnapshotManifest withHeldOutMetrics(JsonNode metrics) {
        return new SnapshotManifest(
                formatVersion,
                detectorType,
                name,
                version,
                createdAt,
                threshold,
                targetAlertRate,
                featureSpecVersion,
                featureEncoding,
                parameters,
                trainingConfig,
                metrics);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("manifest field " + field + " is missing");
        }
        return value;
    }

    private static JsonNode objectOrEmpty(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return empty();
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException("manifest field " + field + " must be an object");
        }
        return value;
    }

    private static JsonNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }
}
