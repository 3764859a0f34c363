package io.polygraph.autoencoder;

import com.fasterxml.jackson.databind.JsonNode;
import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.ReasonCodes;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.SnapshotManifest;
import io.polygraph.detector.SnapshotStamp;
import io.polygraph.features.FeatureEncoding;
import io.polygraph.train.AutoencoderModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dense autoencoder over all modalities of a record in one row ({@link ConcatenatedRows}), scored
 * by DUAD's reconstruction angle {@code h(x) = arccos(cos(x, x'))} on the common score scale
 * ({@link ReconstructionCalibration}).
 *
 * <p>The network is not told which columns belong together: it learns what normal rows look like as
 * a whole, so a record is anomalous when its row as a whole cannot be reproduced. Contributions
 * explain the verdict: each present block's own reconstruction angle (over its columns, the missing
 * flag included), calibrated on the normal records that have the block, lowest first. They are not
 * shares of the record's score, which is the whole row's angle. A missing modality is a block of
 * zeros with its flag set, has no contribution, and is named in the reason codes ({@link
 * ReasonCodes#missing}); an image that cannot be decoded counts as missing and is reported as
 * {@link ReasonCodes#SIGNATURE_UNREADABLE}, never thrown. A record below the threshold gets {@link
 * ReasonCodes#RECONSTRUCTION_ANOMALOUS}. A record's score depends on that record alone, not on its
 * batch. Not thread-safe: one instance per thread or Flink subtask.
 */
public final class AutoencoderDetector implements BatchScorer {

    private final ModelInfo modelInfo;
    private final FeatureEncoding features;
    private final ConcatenatedRows rows;
    private final AutoencoderModel model;
    private final ReconstructionCalibration calibration;
    private final int[] blockEnds;
    private boolean closed;

    public AutoencoderDetector(
            ModelInfo modelInfo,
            FeatureEncoding features,
            ConcatenatedRows rows,
            AutoencoderModel model,
            ReconstructionCalibration calibration) {
        this.modelInfo = Objects.requireNonNull(modelInfo, "modelInfo");
        this.features = Objects.requireNonNull(features, "features");
        this.rows = Objects.requireNonNull(rows, "rows");
        this.model = Objects.requireNonNull(model, "model");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        if (model.width() != rows.width()) {
            throw new IllegalArgumentException(
                    "the network reads "
                            + model.width()
                            + " columns, the rows have "
                            + rows.width());
        }
        this.blockEnds = new int[RowBlock.count()];
        for (RowBlock block : RowBlock.values()) {
            blockEnds[block.ordinal()] = rows.end(block);
        }
    }

    /**
     * A new detector with its own copy of an {@code autoencoder} snapshot's network (one per
     * thread).
     *
     * @throws IllegalArgumentException when the snapshot holds another detector type or its
     *     parameters are invalid
     */
    public static AutoencoderDetector fromSnapshot(DetectorSnapshot snapshot) {
        snapshot.requireType(AutoencoderDetectorType.ID);
        snapshot.requireNd4jGraphBackend();
        SnapshotManifest manifest = snapshot.manifest();
        AutoencoderParameters parameters = snapshot.parameters(AutoencoderParameters.class);
        if (parameters.calibration().threshold() != manifest.threshold()) {
            throw new IllegalArgumentException(
                    snapshot + ": the calibration's threshold differs from the manifest's");
        }
        return new AutoencoderDetector(
                manifest.modelInfo(),
                snapshot.featureEncoding(),
                parameters.rows(),
                AutoencoderModel.fromBytes(
                        snapshot.network(AutoencoderDetectorType.NETWORK),
                        parameters.inputScaling(),
                        parameters.bottleneck()),
                parameters.calibration());
    }

    /**
     * This detector as a snapshot, named {@code name} and versioned now.
     *
     * @param trainingConfig how it was trained, free-form (plain or DUAD among it)
     * @param heldOutMetrics how it did on held-out records, free-form
     */
    public DetectorSnapshot toSnapshot(
            String name, JsonNode trainingConfig, JsonNode heldOutMetrics) {
        Map<String, byte[]> networks = Map.of(AutoencoderDetectorType.NETWORK, model.toBytes());
        SnapshotStamp stamp = SnapshotStamp.now(networks);
        SnapshotManifest manifest =
                SnapshotManifest.stamped(
                        AutoencoderDetectorType.ID,
                        name,
                        stamp,
                        calibration.threshold(),
                        calibration.targetAlertRate(),
                        features,
                        new AutoencoderParameters(
                                        rows, model.standardizer(), model.bottleneck(), calibration)
                                .toJson(),
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
        double[][] angles = angles(blocks);
        List<RecordScore> scores = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            scores.add(verdict(batch.get(i), blocks.signatureUnreadable()[i], angles[i]));
        }
        return scores;
    }

    /**
     * The reconstruction angles of a batch, in radians: the whole row's in column 0, then each
     * {@link RowBlock}'s in column {@code 1 + ordinal}, NaN where the record lacks the block.
     */
    public double[][] angles(List<MultimodalRecord> batch) {
        return batch.isEmpty() ? new double[0][] : angles(blocks(batch));
    }

    private RecordBlocks blocks(List<MultimodalRecord> batch) {
        if (closed) {
            throw new IllegalStateException("detector " + modelInfo.version() + " is closed");
        }
        return RecordBlocks.of(batch, features, false);
    }

    private double[][] angles(RecordBlocks blocks) {
        double[][] angles = model.angles(rows.rows(blocks), blockEnds);
        for (int i = 0; i < angles.length; i++) {
            for (RowBlock block : RowBlock.values()) {
                if (!block.presentIn(blocks, i)) {
                    angles[i][1 + block.ordinal()] = Double.NaN;
                }
            }
        }
        return angles;
    }

    private RecordScore verdict(MultimodalRecord record, boolean unreadable, double[] angles) {
        double score = calibration.score(angles[0]);
        List<RecordScore.Contribution> contributions = new ArrayList<>();
        for (RowBlock block : RowBlock.values()) {
            double angle = angles[1 + block.ordinal()];
            if (!Double.isNaN(angle)) {
                contributions.add(
                        new RecordScore.Contribution(
                                block.contributionName(), calibration.blockScore(block, angle)));
            }
        }
        contributions.sort(Comparator.comparingDouble(RecordScore.Contribution::score));
        boolean anomalous = score < calibration.threshold();
        List<String> reasons = new ArrayList<>();
        if (anomalous) {
            reasons.add(ReasonCodes.RECONSTRUCTION_ANOMALOUS);
        }
        reasons.addAll(ReasonCodes.missing(record, unreadable));
        return new RecordScore(score, anomalous, List.copyOf(contributions), List.copyOf(reasons));
    }

    /** A detector with the same network and encodings but another calibration. */
    public AutoencoderDetector withCalibration(
            ModelInfo info, ReconstructionCalibration newCalibration) {
        return new AutoencoderDetector(info, features, rows, model, newCalibration);
    }

    /** The calibration in use. */
    public ReconstructionCalibration calibration() {
        return calibration;
    }

    /** Marks the detector closed (SameDiff graphs are released once unreachable). */
    @Override
    public void close() {
        closed = true;
    }
}
