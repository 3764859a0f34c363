package io.polygraph.detector;

import io.polygraph.features.FeatureEncoding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The CMAD cross-modal detector: scores each record by how consistent its modalities are in the
 * shared embedding space.
 *
 * <p>For each record, two pairs are compared when their modalities are present: (KYC profile,
 * transaction with its recent history) and (enrolment signature, presented signature). Each pair's
 * cosine is calibrated ({@link PairCalibration}), the record's score is the minimum over its pairs
 * ({@link ScoreCalibration}) and the record is anomalous when that falls below epsilon. See {@link
 * VerdictRules} for contributions and reason codes.
 *
 * <p>Batching: {@link #score} encodes every record once, then runs each pair's network once for the
 * whole batch (not once per record). Not thread-safe (SameDiff graphs keep session state): one
 * instance per thread or Flink subtask, created with {@link #load}, {@link #fromSnapshot} or a
 * {@link SnapshotScorerFactory}. Stored in snapshots of type {@link CmadDetectorType}.
 */
public final class CrossModalDetector implements BatchScorer {

    private final ModelInfo modelInfo;
    // Kept from batch to batch: an entity's enrolment signature comes with each of its records.
    private EnrolmentCanvases enrolments =
            new EnrolmentCanvases(EnrolmentCanvases.DEFAULT_CAPACITY);
    private final FeatureEncoding encoding;
    private final PairNetwork profileTransaction;
    private final PairNetwork signature;
    private final ScoreCalibration calibration;
    private boolean closed;

    public CrossModalDetector(
            ModelInfo modelInfo,
            FeatureEncoding encoding,
            PairNetwork profileTransaction,
            PairNetwork signature,
            ScoreCalibration calibration) {
        this.modelInfo = Objects.requireNonNull(modelInfo, "modelInfo");
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.profileTransaction = Objects.requireNonNull(profileTransaction, "profileTransaction");
        this.signature = Objects.requireNonNull(signature, "signature");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
    }

    /**
     * Verifies and loads the {@code cmad} snapshot at {@code path}; see {@link
     * DetectorSnapshot#read}.
     */
    public static CrossModalDetector load(Path path) throws IOException {
        return fromSnapshot(DetectorSnapshot.read(path));
    }

    /**
     * A new detector with its own copy of a {@code cmad} snapshot's networks (one per thread).
     *
     * @throws IllegalArgumentException when the snapshot holds another detector type or its
     *     parameters are invalid
     */
    public static CrossModalDetector fromSnapshot(DetectorSnapshot snapshot) {
        snapshot.requireType(CmadDetectorType.ID);
        SnapshotManifest manifest = snapshot.manifest();
        CmadParameters parameters = snapshot.parameters(CmadParameters.class);
        return new CrossModalDetector(
                        manifest.modelInfo(),
                        snapshot.featureEncoding(),
                        PairNetwork.fromBytes(
                                snapshot.network(CmadDetectorType.PROFILE_TRANSACTION),
                                snapshot.graphBackend()),
                        PairNetwork.fromBytes(
                                snapshot.network(CmadDetectorType.SIGNATURE),
                                snapshot.graphBackend()),
                        parameters.calibration(manifest.threshold(), manifest.targetAlertRate()))
                .keepingEnrolmentCanvases(snapshot.enrolmentCanvases());
    }

    /** This detector keeping up to {@code capacity} enrolment canvases; set before first use. */
    private CrossModalDetector keepingEnrolmentCanvases(int capacity) {
        enrolments = new EnrolmentCanvases(capacity);
        return this;
    }

    @Override
    public Optional<EnrolmentCanvases> enrolmentCanvases() {
        return Optional.of(enrolments);
    }

    @Override
    public ModelInfo modelInfo() {
        return modelInfo;
    }

    @Override
    public List<RecordScore> score(List<MultimodalRecord> batch) {
        return score(batch, new SignatureCanvases(enrolments));
    }

    @Override
    public List<RecordScore> score(List<MultimodalRecord> batch, SignatureCanvases canvases) {
        return verdicts(batch, cosines(batch, canvases), calibration);
    }

    /**
     * The verdicts on {@code batch} given its raw cosines and a calibration; lets the trainer
     * calibrate and evaluate without running the networks again.
     */
    public static List<RecordScore> verdicts(
            List<MultimodalRecord> batch, BatchCosines cosines, ScoreCalibration calibration) {
        if (cosines.size() != batch.size()) {
            throw new IllegalArgumentException("one set of cosines per record is needed");
        }
        List<RecordScore> scores = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            scores.add(
                    VerdictRules.verdict(
                            batch.get(i),
                            cosines.profileTransaction()[i],
                            cosines.signature()[i],
                            cosines.signatureUnreadable()[i],
                            calibration));
        }
        return scores;
    }

    /** The raw pair cosines of a batch, before calibration: one network run per pair. */
    public BatchCosines cosines(List<MultimodalRecord> batch) {
        return cosines(batch, new SignatureCanvases());
    }

    private BatchCosines cosines(List<MultimodalRecord> batch, SignatureCanvases canvases) {
        if (closed) {
            throw new IllegalStateException("detector " + modelInfo.version() + " is closed");
        }
        double[] profileTransactionCosines = nanFilled(batch.size());
        double[] signatureCosines = nanFilled(batch.size());
        if (batch.isEmpty()) {
            return new BatchCosines(profileTransactionCosines, signatureCosines, new boolean[0]);
        }
        PairInputs inputs = PairInputs.of(batch, encoding, canvases);
        if (inputs.profileRows.length > 0) {
            scatter(
                    profileTransaction.cosines(inputs.profiles, inputs.transactions),
                    inputs.profileRows,
                    profileTransactionCosines);
        }
        if (inputs.signatureRows.length > 0) {
            scatter(
                    signature.cosines(inputs.references, inputs.presented),
                    inputs.signatureRows,
                    signatureCosines);
        }
        return new BatchCosines(
                profileTransactionCosines, signatureCosines, inputs.signatureUnreadable);
    }

    /** The calibration in use. */
    public ScoreCalibration calibration() {
        return calibration;
    }

    /** The feature encoding in use. */
    public FeatureEncoding encoding() {
        return encoding;
    }

    /** A detector with the same networks and encoding but another calibration. */
    public CrossModalDetector withCalibration(ModelInfo info, ScoreCalibration newCalibration) {
        return new CrossModalDetector(
                info, encoding, profileTransaction, signature, newCalibration);
    }

    /** The (profile, transaction) network. */
    public PairNetwork profileTransactionNetwork() {
        return profileTransaction;
    }

    /** The signature network. */
    public PairNetwork signatureNetwork() {
        return signature;
    }

    /**
     * Marks the detector closed and frees what a graph backend holds for its networks outside the
     * heap (a GPU's memory). SameDiff 1.0.0-M2.1 graphs have no close method: their native arrays
     * are released by ND4J's garbage-collector-driven deallocator once unreachable.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            profileTransaction.close();
            signature.close();
        }
    }

    private static double[] nanFilled(int size) {
        double[] values = new double[size];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    private static void scatter(double[] values, int[] rows, double[] target) {
        for (int k = 0; k < rows.length; k++) {
            target[rows[k]] = values[k];
        }
    }
}
