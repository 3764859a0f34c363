package io.polygraph.detector;

import com.fasterxml.jackson.databind.JsonNode;
import io.polygraph.autoencoder.ConcatenatedRows;
import io.polygraph.autoencoder.RecordBlocks;
import io.polygraph.features.FeatureEncoding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model over all modalities of a record in one row ({@link ConcatenatedRows}, the autoencoder's
 * row) whose raw scores, higher more anomalous ({@link RowAnomalyModel}), are put on the common
 * score scale ({@link RawScoreCalibration}): the {@code mmoc} and {@code igmm-bigan} detectors.
 *
 * <p>The model judges a record as a whole: there are no per-modality contributions, and a record
 * below the threshold gets {@link ReasonCodes#SCORED_ANOMALOUS}. A missing modality is a block of
 * zeros with its flag set and is named in the reason codes ({@link ReasonCodes#missing}); an image
 * that cannot be decoded counts as missing and is reported as {@link
 * ReasonCodes#SIGNATURE_UNREADABLE}, never thrown. A record's score depends on that record alone,
 * not on its batch. Not thread-safe: one instance per thread or Flink subtask.
 */
public final class RowModelDetector implements BatchScorer {

    private final String detectorType;
    private final String network;
    private final ModelInfo modelInfo;
    private final FeatureEncoding features;
    private final ConcatenatedRows rows;
    private final RowAnomalyModel model;
    private final RawScoreCalibration calibration;
    private boolean closed;

    /**
     * @param detectorType the snapshot manifest's {@code detectorType}
     * @param network the name of the snapshot's one network entry, the model's bytes
     */
    public RowModelDetector(
            String detectorType,
            String network,
            ModelInfo modelInfo,
            FeatureEncoding features,
            ConcatenatedRows rows,
            RowAnomalyModel model,
            RawScoreCalibration calibration) {
        this.detectorType = Objects.requireNonNull(detectorType, "detectorType");
        this.network = Objects.requireNonNull(network, "network");
        this.modelInfo = Objects.requireNonNull(modelInfo, "modelInfo");
        this.features = Objects.requireNonNull(features, "features");
        this.rows = Objects.requireNonNull(rows, "rows");
        this.model = Objects.requireNonNull(model, "model");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        if (model.width() != rows.width()) {
            throw new IllegalArgumentException(
                    "the model reads " + model.width() + " columns, the rows have " + rows.width());
        }
    }

    /**
     * A new detector with its own copy of a snapshot's model (one per thread).
     *
     * @param detectorType the snapshot's expected {@code detectorType}
     * @param network the network entry holding the model
     * @param reader reads the model from that entry
     * @throws IllegalArgumentException when the snapshot holds another detector type, or its
     *     parameters or network are invalid
     */
    public static RowModelDetector fromSnapshot(
            DetectorSnapshot snapshot,
            String detectorType,
            String network,
            RowAnomalyModel.Reader reader) {
        snapshot.requireType(detectorType);
        snapshot.requireNd4jGraphBackend();
        SnapshotManifest manifest = snapshot.manifest();
        RowModelParameters parameters = snapshot.parameters(RowModelParameters.class);
        if (parameters.calibration().threshold() != manifest.threshold()) {
            throw new IllegalArgumentException(
                    snapshot + ": the calibration's threshold differs from the manifest's");
        }
        RowAnomalyModel model;
        try {
            model = reader.read(new ByteArrayInputStream(snapshot.network(network)));
        } catch (IOException e) {
            throw new IllegalArgumentException(snapshot + ": " + e.getMessage(), e);
        }
        return new RowModelDetector(
                detectorType,
                network,
                manifest.modelInfo(),
                snapshot.featureEncoding(),
                parameters.rows(),
                model,
                parameters.calibration());
    }

    /**
     * This detector as a snapshot, named {@code name} and versioned now.
     *
     * @param trainingConfig how it was trained, free-form (training curves among it)
     * @param heldOutMetrics how it did on held-out records, free-form
     */
    public DetectorSnapshot toSnapshot(
            String name, JsonNode trainingConfig, JsonNode heldOutMetrics) {
        Map<String, byte[]> networks = Map.of(network, model.toBytes());
        SnapshotManifest manifest =
                SnapshotManifest.stamped(
                        detectorType,
                        name,
                        SnapshotStamp.now(networks),
                        calibration.threshold(),
                        calibration.targetAlertRate(),
                        features,
                        new RowModelParameters(rows, calibration).toJson(),
                        trainingConfig,
                        heldOutMetrics);
        return new DetectorSnapshot(manifest, networks);
    }

    @Override
    public ModelInfo modelInfo() {
        return modelInfo;
    }

    @Override
    public List<RecordScore> score(List<MultimodalRecord> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        RecordBlocks blocks = blocks(batch);
        double[] raw = rawScores(blocks);
        List<RecordScore> scores = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            scores.add(verdict(batch.get(i), blocks.signatureUnreadable()[i], raw[i]));
        }
        return scores;
    }

    /** The model's raw scores of a batch, higher more anomalous. */
    public double[] rawScores(List<MultimodalRecord> batch) {
        return batch.isEmpty() ? new double[0] : rawScores(blocks(batch));
    }

    private RecordBlocks blocks(List<MultimodalRecord> batch) {
        if (closed) {
            throw new IllegalStateException("detector " + modelInfo.version() + " is closed");
        }
        return RecordBlocks.of(batch, features, false);
    }

    private double[] rawScores(RecordBlocks blocks) {
        return model.rawScores(Nd4j.createFromArray(rows.rows(blocks)));
    }

    private RecordScore verdict(MultimodalRecord record, boolean unreadable, double raw) {
        double score = calibration.score(raw);
        boolean anomalous = score < calibration.threshold();
        List<String> reasons = new ArrayList<>();
        if (anomalous) {
            reasons.add(ReasonCodes.SCORED_ANOMALOUS);
        }
        reasons.addAll(ReasonCodes.missing(record, unreadable));
        return new RecordScore(score, anomalous, List.of(), List.copyOf(reasons));
    }

    /** A detector with the same model and encodings but another calibration. */
    public RowModelDetector withCalibration(ModelInfo info, RawScoreCalibration newCalibration) {
        return new RowModelDetector(
                detectorType, network, info, features, rows, model, newCalibration);
    }

    /** The calibration in use. */
    public RawScoreCalibration calibration() {
        return calibration;
    }

    /** Marks the detector closed (SameDiff graphs are released once unreachable). */
    @Override
    public void close() {
        closed = true;
    }
}
