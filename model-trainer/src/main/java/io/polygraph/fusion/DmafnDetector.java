package io.polygraph.fusion;

import com.fasterxml.jackson.databind.JsonNode;
import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.EnrolmentCanvases;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.ReasonCodes;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.SignatureCanvases;
import io.polygraph.detector.SnapshotManifest;
import io.polygraph.detector.SnapshotStamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The DMAFN multimodal fusion detector: per-modality extractors, fused representation, and an
 * autoencoder or classifier head ({@link FusionNetwork}).
 *
 * <p>Autoencoder head, scored cross-modally: each present modality is hidden from the encoder in
 * turn and rebuilt from the record's other modalities (what modality dropout trained the decoders
 * to do), so its normalised reconstruction error says how far it departs from what the rest of the
 * record predicts: a presented signature unlike the enrolled one, a purchase the profile and
 * history do not lead one to expect. Each modality's error is calibrated on its own; the record is
 * as anomalous as its least normal modality (as CMAD's record is as its least consistent pair); its
 * contributions are each modality's calibrated score, lowest first, and every modality below the
 * threshold adds its reason code. Measured on the default world (one seed, 6 epochs, AUPRC on the
 * held-out customers' cross-modal anomalies): scoring with everything visible 0.13 (the fused code
 * carries each modality through on its own, so a mismatch barely raises the error); the mean of the
 * held-out errors 0.13; their minimum, kept, 0.17. On the test world, the transaction's held-out
 * error alone ranks behaviour mismatches at AUROC 0.93, but normal records' errors have heavy
 * tails, and a pooled presented signature rebuilt from the enrolled one separates forgeries poorly
 * (AUROC 0.60): this head is far weaker on the world than CMAD or the classifier head, and the
 * evaluation report says so. Classifier head: the raw value is the anomaly logit; there are no
 * per-modality contributions. Both are put on the common score scale by {@link FusionCalibration}.
 * A missing or unreadable modality is left out (the network was trained with modality dropout to do
 * without it) and named in the reason codes. With attention fusion, every verdict also gives the
 * record's modality weights.
 *
 * <p>Batching: the network runs once per batch. The autoencoder head runs it on the batch stacked
 * once per modality present in it (and, with attention fusion, once more with everything visible,
 * for the weights); the classifier head on the batch. Not thread-safe: one instance per thread or
 * Flink subtask.
 */
public final class DmafnDetector implements BatchScorer {

    private final ModelInfo modelInfo;
    // Kept from batch to batch: an entity's enrolment signature comes with each of its records.
    private EnrolmentCanvases enrolments =
            new EnrolmentCanvases(EnrolmentCanvases.DEFAULT_CAPACITY);
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
        DmafnParameters parameters = snapshot.parameters(DmafnParameters.class);
        if (parameters.calibration().threshold() != manifest.threshold()) {
            throw new IllegalArgumentException(
                    snapshot + ": the calibration's threshold differs from the manifest's");
        }
        return new DmafnDetector(
                        manifest.modelInfo(),
                        new FusionEncoding(snapshot.featureEncoding(), parameters.history()),
                        FusionNetwork.fromBytes(
                                snapshot.network(DmafnDetectorType.FUSION),
                                parameters.mode(),
                                parameters.head(),
                                snapshot.graphBackend()),
                        parameters.calibration())
                .keepingEnrolmentCanvases(snapshot.enrolmentCanvases());
    }

    /** This detector keeping up to {@code capacity} enrolment canvases; set before first use. */
    private DmafnDetector keepingEnrolmentCanvases(int capacity) {
        enrolments = new EnrolmentCanvases(capacity);
        return this;
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
                SnapshotManifest.stamped(
                        DmafnDetectorType.ID,
                        name,
                        stamp,
                        calibration.threshold(),
                        calibration.targetAlertRate(),
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
    public Optional<EnrolmentCanvases> enrolmentCanvases() {
        return Optional.of(enrolments);
    }

    @Override
    public ModelInfo modelInfo() {
        return modelInfo;
    }

    /**
     * Scores a batch. With attention fusion each verdict also carries the record's modality weights
     * ({@link RecordScore#modalityWeights}): free for the classifier head, whose network run yields
     * them; one more copy of the batch in the autoencoder head's stacked run, whose other copies
     * each hide a modality. Without attention nothing is added.
     */
    @Override
    public List<RecordScore> score(List<MultimodalRecord> batch) {
        return score(batch, new SignatureCanvases(enrolments));
    }

    @Override
    public List<RecordScore> score(List<MultimodalRecord> batch, SignatureCanvases canvases) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Evaluation evaluation = evaluate(batch, network.mode() == FusionMode.ATTENTION, canvases);
        List<RecordScore> scores = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            scores.add(
                    verdict(
                            batch.get(i),
                            evaluation.rows.get(i),
                            evaluation.raw[i],
                            attention(evaluation.attention, evaluation.presence[i], i)));
        }
        return scores;
    }

    /** Scores a batch and explains each verdict (the same network runs as {@link #score}). */
    public List<FusionExplanation> explain(List<MultimodalRecord> batch) {
        List<FusionExplanation> explanations = new ArrayList<>(batch.size());
        for (RecordScore score : score(batch)) {
            explanations.add(new FusionExplanation(score, score.modalityWeights()));
        }
        return explanations;
    }

    /**
     * The raw values (higher is more normal) of a batch before calibration: the classifier's
     * negated logit in column 0 (NaN for the autoencoder head), then one column per modality, its
     * negated held-out reconstruction error (NaN where absent, and for the classifier head). {@link
     * FusionCalibration#overallRaw} turns a row into the value the score calibrates.
     */
    public double[][] rawValues(List<MultimodalRecord> batch) {
        return batch.isEmpty()
                ? new double[0][]
                : evaluate(batch, false, new SignatureCanvases()).raw;
    }

    /** What the network says of one batch. */
    private record Evaluation(
            List<FusionRow> rows, float[][] presence, double[][] raw, double[][] attention) {}

    private Evaluation evaluate(
            List<MultimodalRecord> batch, boolean withAttention, SignatureCanvases canvases) {
        if (closed) {
            throw new IllegalStateException("detector " + modelInfo.version() + " is closed");
        }
        List<FusionRow> rows = FusionRows.encode(batch, encoding, canvases);
        float[][] presence = FusionInputs.presence(rows);
        boolean attention = withAttention && network.mode() == FusionMode.ATTENTION;
        if (network.head() == DetectionHead.CLASSIFIER) {
            FusionOutputs all = network.run(FusionInputs.of(rows, encoding.shape(), presence));
            return new Evaluation(
                    rows, presence, logits(all, rows.size()), attention ? all.attention() : null);
        }
        HeldOut heldOut = heldOutErrors(rows, presence, attention);
        return new Evaluation(rows, presence, heldOut.raw(), heldOut.attention());
    }

    private static double[][] logits(FusionOutputs outputs, int count) {
        double[][] raw = new double[count][1 + Modality.count()];
        for (int i = 0; i < count; i++) {
            Arrays.fill(raw[i], Double.NaN);
            raw[i][0] = -outputs.anomalyLogits()[i];
        }
        return raw;
    }

    /** The autoencoder head's raw values, and the attention weights when asked for. */
    private record HeldOut(double[][] raw, double[][] attention) {}

    /**
     * The autoencoder head's raw values: each present modality's reconstruction error when it is
     * hidden from the encoder, that is how well the record's other modalities predict it; the
     * record's value is the mean over its present modalities. One network run in all: the batch is
     * stacked once per modality present in it, each copy with that modality hidden ({@link
     * FusionInputs#stacked}), and, for the attention weights, once more with everything visible, so
     * that the signature tower and the graph's per-run overhead are paid once per batch rather than
     * once per copy.
     */
    private HeldOut heldOutErrors(List<FusionRow> rows, float[][] presence, boolean withAttention) {
        int count = rows.size();
        double[][] raw = new double[count][1 + Modality.count()];
        for (double[] row : raw) {
            Arrays.fill(row, Double.NaN);
        }
        List<Modality> hidden = new ArrayList<>();
        List<float[][]> masks = new ArrayList<>();
        if (withAttention) {
            masks.add(presence);
        }
        int firstHidden = masks.size();
        for (Modality modality : Modality.values()) {
            int k = modality.ordinal();
            if (Arrays.stream(presence).noneMatch(p -> p[k] > 0)) {
                continue;
            }
            float[][] visible = new float[count][];
            for (int i = 0; i < count; i++) {
                visible[i] = presence[i].clone();
                visible[i][k] = 0f;
            }
            hidden.add(modality);
            masks.add(visible);
        }
        if (masks.isEmpty()) {
            return new HeldOut(raw, null);
        }
        FusionOutputs outputs = network.run(FusionInputs.stacked(rows, encoding.shape(), masks));
        double[][] errors = outputs.modalityErrors();
        for (int h = 0; h < hidden.size(); h++) {
            int k = hidden.get(h).ordinal();
            int offset = (firstHidden + h) * count;
            for (int i = 0; i < count; i++) {
                if (presence[i][k] > 0) {
                    raw[i][1 + k] = -errors[offset + i][k];
                }
            }
        }
        double[][] attention =
                withAttention ? Arrays.copyOfRange(outputs.attention(), 0, count) : null;
        return new HeldOut(raw, attention);
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

    /**
     * Marks the detector closed and frees what a graph backend holds for its network outside the
     * heap (SameDiff graphs are released once unreachable).
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            network.close();
        }
    }

    private RecordScore verdict(
            MultimodalRecord record, FusionRow row, double[] raw, Map<String, Double> weights) {
        double score = calibration.score(raw);
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
        reasons.addAll(ReasonCodes.missing(record, row.signatureUnreadable()));
        return new RecordScore(
                score,
                score < calibration.threshold(),
                List.copyOf(contributions),
                List.copyOf(reasons),
                weights);
    }

    private static Map<String, Double> attention(double[][] attention, float[] presence, int row) {
        Map<String, Double> weights = new LinkedHashMap<>();
        if (attention == null) {
            return weights;
        }
        for (Modality modality : Modality.values()) {
            if (presence[modality.ordinal()] > 0) {
                weights.put(modality.contributionName(), attention[row][modality.ordinal()]);
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
