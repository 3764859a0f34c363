package io.polygraph.fusion;

import com.fasterxml.jackson.databind.JsonNode;
import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.ReasonCodes;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.SnapshotManifest;
import io.polygraph.detector.SnapshotStamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The DMAFN multimodal fusion detector: per-modality extractors, fused representation, and an
 * autoencoder or classifier head ({@link FusionNetwork}).
 *
 * <p>Autoencoder head: a record's raw value is the mean normalised reconstruction error of its
 * present modalities; its contributions are each present modality's own calibrated error, lowest
 * (most anomalous) first, and every modality below the threshold adds its reason code. Classifier
 * head: the raw value is the anomaly logit; there are no per-modality contributions. Both are put
 * on the common score scale by {@link FusionCalibration}. A missing or unreadable modality is left
 * out (the network was trained with modality dropout to do without it) and named in the reason
 * codes. With attention fusion, {@link #explain} also gives each record's modality weights.
 *
 * <p>Batching: one network run per batch. Not thread-safe: one instance per thread or Flink
 * subtask.
 */
public final class DmafnDetector implements BatchScorer {

    private final ModelInfo modelInfo;
    private final FusionEncoding encoding;
    private final FusionNetwork network;
    private final FusionCalibration calibration;
    private boolean closed;

    public DmafnDetector(
            ModelInfo modelInfo,
            FusionEncoding encoding,
            FusionNetwork network,
            FusionCalibration calibration) {
        this.modelInfo = Objects.requireNonNull(modelInfo, "modelInfo");
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.network = Objects.requireNonNull(network, "network");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
    }

    /**
     * A new detector with its own copy of a {@code dmafn} snapshot's network (one per thread).
     *
     * @throws IllegalArgumentException when the snapshot holds another detector type or its
     *     parameters are invalid
     */
    public static DmafnDetector fromSnapshot(DetectorSnapshot snapshot) {
        snapshot.requireType(DmafnDetectorType.ID);
        SnapshotManifest manifest = snapshot.manifest();
        if (manifest.featureEncoding() == null) {
            throw new IllegalArgumentException(snapshot + " has no feature encoding");
        }
        DmafnParameters parameters = snapshot.parameters(DmafnParameters.class);
        if (parameters.calibration().threshold() != manifest.threshold()) {
            throw new IllegalArgumentException(
                    snapshot + ": the calibration's threshold differs from the manifest's");
        }
        return new DmafnDetector(
                manifest.modelInfo(),
                new FusionEncoding(manifest.featureEncoding(), parameters.history()),
                FusionNetwork.fromBytes(
                        snapshot.network(DmafnDetectorType.FUSION),
                        parameters.mode(),
                        parameters.head()),
                parameters.calibration());
    }

    /**
     * This detector as a snapshot, named {@code name} and versioned now.
     *
     * @param trainingConfig how it was trained, free-form
     * @param heldOutMetrics how it did on held-out records, free-form
     */
    public DetectorSnapshot toSnapshot(
            String name, JsonNode trainingConfig, JsonNode heldOutMetrics) {
        java.util.Map<String, byte[]> networks =
                java.util.Map.of(DmafnDetectorType.FUSION, network.toBytes());
        SnapshotStamp stamp = SnapshotStamp.now(networks);
        SnapshotManifest manifest =
                new SnapshotManifest(
                        SnapshotManifest.FORMAT_VERSION,
                        DmafnDetectorType.ID,
                        name,
                        stamp.version(),
                        stamp.createdAt(),
                        calibration.threshold(),
                        calibration.targetAlertRate(),
                        encoding.features().featureSpecVersion(),
                        encoding.features(),
                        new DmafnParameters(
                                        network.mode(),
                                        network.head(),
                                        encoding.history(),
                                        calibration)
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
        return explain(batch).stream().map(FusionExplanation::score).toList();
    }

    /** Scores a batch and explains each verdict. */
    public List<FusionExplanation> explain(List<MultimodalRecord> batch) {
        if (closed) {
            throw new IllegalStateException("detector " + modelInfo.version() + " is closed");
        }
        if (batch.isEmpty()) {
            return List.of();
        }
        List<FusionRow> rows = FusionRows.encode(batch, encoding);
        float[][] presence = FusionInputs.presence(rows);
        FusionOutputs outputs = network.run(FusionInputs.of(rows, encoding.shape(), presence));
        List<FusionExplanation> explanations = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            explanations.add(
                    new FusionExplanation(
                            verdict(batch.get(i), rows.get(i), presence[i], outputs, i),
                            attention(outputs, presence[i], i)));
        }
        return explanations;
    }

    /**
     * The raw values (higher is more normal) of a batch before calibration: the overall value in
     * column 0, then one column per modality (NaN where absent, or for the classifier head).
     */
    public double[][] rawValues(List<MultimodalRecord> batch) {
        if (batch.isEmpty()) {
            return new double[0][];
        }
        List<FusionRow> rows = FusionRows.encode(batch, encoding);
        float[][] presence = FusionInputs.presence(rows);
        FusionOutputs outputs = network.run(FusionInputs.of(rows, encoding.shape(), presence));
        double[][] raw = new double[batch.size()][];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = rawOf(outputs, presence[i], i);
        }
        return raw;
    }

    /** A detector with the same network and encoding but another calibration. */
    public DmafnDetector withCalibration(ModelInfo info, FusionCalibration newCalibration) {
        return new DmafnDetector(info, encoding, network, newCalibration);
    }

    /** The encoding in use. */
    public FusionEncoding encoding() {
        return encoding;
    }

    /** The network in use. */
    public FusionNetwork network() {
        return network;
    }

    /** The calibration in use. */
    public FusionCalibration calibration() {
        return calibration;
    }

    /** Marks the detector closed (SameDiff graphs are released once unreachable). */
    @Override
    public void close() {
        closed = true;
    }

    private double[] rawOf(FusionOutputs outputs, float[] presence, int row) {
        double[] raw = new double[1 + Modality.count()];
        java.util.Arrays.fill(raw, Double.NaN);
        if (network.head() == DetectionHead.CLASSIFIER) {
            raw[0] = -outputs.anomalyLogits()[row];
            return raw;
        }
        double sum = 0;
        int present = 0;
        for (Modality modality : Modality.values()) {
            if (presence[modality.ordinal()] > 0) {
                double error = outputs.modalityErrors()[row][modality.ordinal()];
                raw[1 + modality.ordinal()] = -error;
                sum += error;
                present++;
            }
        }
        raw[0] = -sum / present;
        return raw;
    }

    private RecordScore verdict(
            MultimodalRecord record,
            FusionRow row,
            float[] presence,
            FusionOutputs outputs,
            int i) {
        double[] raw = rawOf(outputs, presence, i);
        double score = calibration.score(raw[0]);
        List<RecordScore.Contribution> contributions = new ArrayList<>();
        for (Modality modality : Modality.values()) {
            double value = raw[1 + modality.ordinal()];
            if (!Double.isNaN(value) && !calibration.modalities().isEmpty()) {
                contributions.add(
                        new RecordScore.Contribution(
                                modality.contributionName(),
                                calibration.modalityScore(modality, value)));
            }
        }
        contributions.sort(Comparator.comparingDouble(RecordScore.Contribution::score));
        List<String> reasons = new ArrayList<>();
        for (RecordScore.Contribution contribution : contributions) {
            if (contribution.score() < calibration.threshold()) {
                reasons.add(codeOf(contribution.name()));
            }
        }
        reasons.addAll(missing(record, row));
        return new RecordScore(
                score,
                score < calibration.threshold(),
                List.copyOf(contributions),
                List.copyOf(reasons));
    }

    private static List<String> missing(MultimodalRecord record, FusionRow row) {
        List<String> reasons = new ArrayList<>(2);
        if (record.profile() == null) {
            reasons.add(ReasonCodes.PROFILE_MISSING);
        }
        if (record.presentedSignature() != null && record.enrolmentSignature() == null) {
            reasons.add(ReasonCodes.ENROLMENT_SIGNATURE_MISSING);
        }
        if (record.transaction().getSignatureCaptured() && record.presentedSignature() == null) {
            reasons.add(ReasonCodes.PRESENTED_SIGNATURE_MISSING);
        }
        if (row.signatureUnreadable()) {
            reasons.add(ReasonCodes.SIGNATURE_UNREADABLE);
        }
        return reasons;
    }

    private static Map<String, Double> attention(FusionOutputs outputs, float[] presence, int row) {
        Map<String, Double> weights = new LinkedHashMap<>();
        if (outputs.attention() == null) {
            return weights;
        }
        for (Modality modality : Modality.values()) {
            if (presence[modality.ordinal()] > 0) {
                weights.put(
                        modality.contributionName(), outputs.attention()[row][modality.ordinal()]);
            }
        }
        return weights;
    }

    private static String codeOf(String contributionName) {
        for (Modality modality : Modality.values()) {
            if (modality.contributionName().equals(contributionName)) {
                return modality.inconsistencyCode();
            }
        }
        throw new IllegalStateException("unknown modality " + contributionName);
    }
}
