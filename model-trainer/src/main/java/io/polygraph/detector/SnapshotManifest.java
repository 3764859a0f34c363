package io.polygraph.detector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.polygraph.features.FeatureEncoding;
import java.util.Objects;

/**
 * The {@code manifest.json} of a snapshot: what the model is, how to encode its inputs and how to
 * turn its outputs into verdicts.
 *
 * <p>Everything here is plain data, read with Jackson after the snapshot's checksum has been
 * verified. The training configuration and held-out metrics are kept as free-form JSON: the
 * detector does not need them, people and tools reading the snapshot do, and the library that
 * scores need not depend on the trainer's types.
 *
 * @param formatVersion version of this snapshot layout, {@link #FORMAT_VERSION}
 * @param name detector name, {@code cmad}
 * @param version unique version of this snapshot: creation time and a short hash of its networks
 * @param createdAt ISO-8601 instant of creation
 * @param featureSpecVersion feature encoding version the model was trained with
 * @param embeddingSize r, the dimension of the shared space
 * @param threshold epsilon
 * @param targetAlertRate the alert rate on held-out normal records epsilon was chosen for
 * @param profileTransactionCalibration normalisation of the (profile, transaction) cosine
 * @param signatureCalibration normalisation of the (enrolment, presented signature) cosine
 * @param featureEncoding vocabularies, standardisation and recent-history window
 * @param trainingConfig the trainer's configuration, free-form
 * @param heldOutMetrics the evaluation on the held-out split, free-form
 */
public record SnapshotManifest(
        int formatVersion,
        String name,
        String version,
        String createdAt,
        int featureSpecVersion,
        int embeddingSize,
        double threshold,
        double targetAlertRate,
        PairCalibration profileTransactionCalibration,
        PairCalibration signatureCalibration,
        FeatureEncoding featureEncoding,
        JsonNode trainingConfig,
        JsonNode heldOutMetrics) {

    /** The snapshot layout this library writes and reads. */
    public static final int FORMAT_VERSION = 1;

    @JsonCreator
    public SnapshotManifest(
            @JsonProperty("formatVersion") int formatVersion,
            @JsonProperty("name") String name,
            @JsonProperty("version") String version,
            @JsonProperty("createdAt") String createdAt,
            @JsonProperty("featureSpecVersion") int featureSpecVersion,
            @JsonProperty("embeddingSize") int embeddingSize,
            @JsonProperty("threshold") double threshold,
            @JsonProperty("targetAlertRate") double targetAlertRate,
            @JsonProperty("profileTransactionCalibration")
                    PairCalibration profileTransactionCalibration,
            @JsonProperty("signatureCalibration") PairCalibration signatureCalibration,
            @JsonProperty("featureEncoding") FeatureEncoding featureEncoding,
            @JsonProperty("trainingConfig") JsonNode trainingConfig,
            @JsonProperty("heldOutMetrics") JsonNode heldOutMetrics) {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException(
                    "snapshot format "
                            + formatVersion
                            + " is not supported (expected "
                            + FORMAT_VERSION
                            + ")");
        }
        this.formatVersion = formatVersion;
        this.name = Objects.requireNonNull(name, "name");
        this.version = Objects.requireNonNull(version, "version");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.featureEncoding = Objects.requireNonNull(featureEncoding, "featureEncoding");
        if (featureSpecVersion != featureEncoding.featureSpecVersion()) {
            throw new IllegalArgumentException("manifest and feature encoding disagree on version");
        }
        this.featureSpecVersion = featureSpecVersion;
        this.embeddingSize = embeddingSize;
        this.threshold = threshold;
        this.targetAlertRate = targetAlertRate;
        this.profileTransactionCalibration = Objects.requireNonNull(profileTransactionCalibration);
        this.signatureCalibration = Objects.requireNonNull(signatureCalibration);
        this.trainingConfig = trainingConfig == null ? empty() : trainingConfig;
        this.heldOutMetrics = heldOutMetrics == null ? empty() : heldOutMetrics;
    }

    /** The calibration these fields describe. */
    public ScoreCalibration calibration() {
        return new ScoreCalibration(
                profileTransactionCalibration, signatureCalibration, threshold, targetAlertRate);
    }

    /** Name, version, threshold and feature spec version, as the scoring API reports them. */
    public ModelInfo modelInfo() {
        return new ModelInfo(name, version, threshold, featureSpecVersion);
    }

    /** A copy with other held-out metrics. */
    public SnapshotManifest withHeldOutMetrics(JsonNode metrics) {
        return new SnapshotManifest(
                formatVersion,
                name,
                version,
                createdAt,
                featureSpecVersion,
                embeddingSize,
                threshold,
                targetAlertRate,
                profileTransactionCalibration,
                signatureCalibration,
                featureEncoding,
                trainingConfig,
                metrics);
    }

    private static JsonNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }
}
