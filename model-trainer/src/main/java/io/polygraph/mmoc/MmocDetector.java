package io.polygraph.mmoc;

import com.fasterxml.jackson.databind.JsonNode;
import io.polygraph.autoencoder.ConcatenatedRows;
import io.polygraph.autoencoder.RecordBlocks;
import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.RawScoreCalibration;
import io.polygraph.detector.ReasonCodes;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.SnapshotManifest;
import io.polygraph.detector.SnapshotStamp;
import io.polygraph.features.FeatureEncoding;
import io.polygraph.gan.mmoc.MmocModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An MMOC-GAN discriminator over all modalities of a record in one row ({@link ConcatenatedRows},
 * the autoencoder's row), scored by {@code 1 - P(real)} on the common score scale ({@link
 * RawScoreCalibration}).
 *
 * <p>The discriminator was trained to tell normal rows from generated complementary ones, so it
 * judges a record as a whole: there are no per-modality contributions, and a record below the
 * threshold gets {@link ReasonCodes#SCORED_ANOMALOUS}. A missing modality is a block of zeros with
 * its flag set and is named in the reason codes ({@link ReasonCodes#missing}); an image that cannot
 * be decoded counts as missing and is reported as {@link ReasonCodes#SIGNATURE_UNREADABLE}, never
 * thrown. A record's score depends on that record alone, not on its batch. Not thread-safe: one
 * instance per thread or Flink subtask.
 */
public final class MmocDetector implements BatchScorer {

    private final ModelInfo modelInfo;
    private final FeatureEncoding features;
    private final ConcatenatedRows rows;
    private final MmocModel model;
    private final RawScoreCalibration calibration;
    private boolean closed;

    public MmocDetector(
            ModelInfo modelInfo,
            FeatureEncoding features,
            ConcatenatedRows rows,
            MmocModel model,
            RawScoreCalibration calibration) {
        this.modelInfo = Objects.requireNonNull(modelInfo, "modelInfo");
        this.features = Objects.requireNonNull(features, "features");
        this.rows = Objects.requireNonNull(rows, "rows");
        this.model = Objects.requireNonNull(model, "model");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
        if (model.width() != rows.width()) {
            throw new IllegalArgumentException(
                    "the discriminator reads "
                            + model.width()
                            + " columns, the rows have "
                            + rows.width());
        }
    }

    /**
     * A new detector with its own copy of an {@code mmoc} snapshot's discriminator (one per
     * thread).
     *
     * @throws IllegalArgumentException when the snapshot holds another detector type, or its
     *     parameters or network are invalid
     */
    public static MmocDetector fromSnapshot(DetectorSnapshot snapshot) {
        snapshot.requireType(MmocDetectorType.ID);
        SnapshotManifest manifest = snapshot.manifest();
        MmocParameters parameters = snapshot.parameters(MmocParameters.class);
        if (parameters.calibration().threshold() != manifest.threshold()) {
            throw new IllegalArgumentException(
                    snapshot + ": the calibration's threshold differs from the manifest's");
        }
        MmocModel model;
        try {
            model =
                    MmocModel.load(
                            new ByteArrayInputStream(snapshot.network(MmocDetectorType.NETWORK)));
        } catch (IOException e) {
            throw new IllegalArgumentException(snapshot + ": " + e.getMessage(), e);
        }
        return new MmocDetector(
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
        Map<String, byte[]> networks = Map.of(MmocDetectorType.NETWORK, modelBytes());
        SnapshotManifest manifest =
                SnapshotManifest.stamped(
                        MmocDetectorType.ID,
                        name,
                        SnapshotStamp.now(networks),
                        calibration.threshold(),
                        calibration.targetAlertRate(),
                        features,
                        new MmocParameters(rows, calibration).toJson(),
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

    /** The discriminator's raw scores {@code 1 - P(real)} of a batch, in [0, 1]. */
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
        return model.score(Nd4j.createFromArray(rows.rows(blocks)));
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

    /** A detector with the same discriminator and encodings but another calibration. */
    public MmocDetector withCalibration(ModelInfo info, RawScoreCalibration newCalibration) {
        return new MmocDetector(info, features, rows, model, newCalibration);
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

    private byte[] modelBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            model.save(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }
}
