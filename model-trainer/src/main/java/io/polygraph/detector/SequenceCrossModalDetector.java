package io.polygraph.detector;

import io.polygraph.features.FeatureEncoding;
import io.polygraph.fusion.HistoryEncoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The CMAD cross-modal detector with a K = 3 behaviour consensus space: profile, current
 * transaction and the entity's recent transactions (an LSTM over the sequence) embedded in one
 * space, plus the signature pair of {@link CrossModalDetector}.
 *
 * <p>For each record the three behaviour pairs that its modalities allow are compared
 * (profile~transaction and profile~history need a profile, the history pairs at least one recent
 * transaction), each cosine is calibrated ({@link PairCalibration}), the behaviour pairs are joined
 * by the snapshot's {@link BehaviourAggregation}, and the record's score is the minimum of that and
 * the signature pair. Contributions list every computed pair, reason codes as in {@link
 * VerdictRules}.
 *
 * <p>Batching: {@link #score} runs the consensus network and the signature network once each per
 * batch. Not thread-safe: one instance per thread or Flink subtask. Stored in snapshots of type
 * {@link CmadSequenceDetectorType}.
 */
public final class SequenceCrossModalDetector implements BatchScorer {

    private final ModelInfo modelInfo;
    // Kept from batch to batch: an entity's enrolment signature comes with each of its records.
    private EnrolmentCanvases enrolments =
            new EnrolmentCanvases(EnrolmentCanvases.DEFAULT_CAPACITY);
    private final FeatureEncoding encoding;
    private final HistoryEncoding history;
    private final ConsensusNetwork behaviour;
    private final PairNetwork signature;
    private final ConsensusCalibration calibration;
    private boolean closed;

    public SequenceCrossModalDetector(
            ModelInfo modelInfo,
            FeatureEncoding encoding,
            HistoryEncoding history,
            ConsensusNetwork behaviour,
            PairNetwork signature,
            ConsensusCalibration calibration) {
        this.modelInfo = Objects.requireNonNull(modelInfo, "modelInfo");
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.history = Objects.requireNonNull(history, "history");
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.signature = Objects.requireNonNull(signature, "signature");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
    }

    /**
     * A new detector with its own copy of a {@code cmad-sequence} snapshot's networks.
     *
     * @throws IllegalArgumentException when the snapshot holds another type or bad parameters
     */
    public static SequenceCrossModalDetector fromSnapshot(DetectorSnapshot snapshot) {
        snapshot.requireType(CmadSequenceDetectorType.ID);
        SnapshotManifest manifest = snapshot.manifest();
        CmadSequenceParameters parameters = snapshot.parameters(CmadSequenceParameters.class);
        return new SequenceCrossModalDetector(
                        manifest.modelInfo(),
                        snapshot.featureEncoding(),
                        parameters.history(),
                        ConsensusNetwork.fromBytes(
                                snapshot.network(CmadSequenceDetectorType.BEHAVIOUR),
                                snapshot.graphBackend()),
                        PairNetwork.fromBytes(
                                snapshot.network(CmadSequenceDetectorType.SIGNATURE),
                                snapshot.graphBackend()),
                        parameters.calibration(manifest.threshold(), manifest.targetAlertRate()))
                .keepingEnrolmentCanvases(snapshot.enrolmentCanvases());
    }

    /** This detector keeping up to {@code capacity} enrolment canvases; set before first use. */
    private SequenceCrossModalDetector keepingEnrolmentCanvases(int capacity) {
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

    /** The verdicts on {@code batch} given its raw cosines and a calibration. */
    public static List<RecordScore> verdicts(
            List<MultimodalRecord> batch,
            ConsensusCosines cosines,
            ConsensusCalibration calibration) {
        if (cosines.size() != batch.size()) {
            throw new IllegalArgumentException("one set of cosines per record is needed");
        }
        List<RecordScore> scores = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            scores.add(verdict(batch.get(i), cosines, i, calibration));
        }
        return scores;
    }

    private static RecordScore verdict(
            MultimodalRecord record,
            ConsensusCosines cosines,
            int i,
            ConsensusCalibration calibration) {
        List<RecordScore.Contribution> behaviour = new ArrayList<>(3);
        VerdictRules.add(
                behaviour,
                ModalityPair.PROFILE_TRANSACTION,
                cosines.profileTransaction()[i],
                calibration.profileTransaction());
        VerdictRules.add(
                behaviour,
                ModalityPair.PROFILE_HISTORY,
                cosines.profileHistory()[i],
                calibration.profileHistory());
        VerdictRules.add(
                behaviour,
                ModalityPair.TRANSACTION_HISTORY,
                cosines.transactionHistory()[i],
                calibration.transactionHistory());
        double score =
                calibration
                        .aggregation()
                        .of(behaviour.stream().mapToDouble(c -> c.score()).toArray());
        List<RecordScore.Contribution> contributions = new ArrayList<>(behaviour);
        VerdictRules.add(
                contributions,
                ModalityPair.SIGNATURE,
                cosines.signature()[i],
                calibration.signature());
        if (!Double.isNaN(cosines.signature()[i])) {
            double signatureScore = contributions.get(contributions.size() - 1).score();
            score = Double.isNaN(score) ? signatureScore : Math.min(score, signatureScore);
        }
        contributions.sort(Comparator.comparingDouble(RecordScore.Contribution::score));
        return VerdictRules.verdict(
                record,
                contributions,
                score,
                cosines.signatureUnreadable()[i],
                calibration.threshold());
    }

    /** The raw pair cosines of a batch: one run of each network. */
    public ConsensusCosines cosines(List<MultimodalRecord> batch) {
        return cosines(batch, new SignatureCanvases());
    }

    private ConsensusCosines cosines(List<MultimodalRecord> batch, SignatureCanvases canvases) {
        if (closed) {
            throw new IllegalStateException("detector " + modelInfo.version() + " is closed");
        }
        int n = batch.size();
        double[] profileTransaction = nanFilled(n);
        double[] profileHistory = nanFilled(n);
        double[] transactionHistory = nanFilled(n);
        double[] signatureCosines = nanFilled(n);
        if (n == 0) {
            return new ConsensusCosines(
                    profileTransaction,
                    profileHistory,
                    transactionHistory,
                    signatureCosines,
                    new boolean[0]);
        }
        ConsensusInputs in = ConsensusInputs.of(batch, encoding, history);
        double[][] raw =
                behaviour.cosines(in.profiles, in.transactions, in.history, in.historyMask);
        for (int i = 0; i < n; i++) {
            if (in.hasProfile[i]) {
                profileTransaction[i] = raw[0][i];
            }
            if (in.hasProfile[i] && in.hasHistory[i]) {
                profileHistory[i] = raw[1][i];
            }
            if (in.hasHistory[i]) {
                transactionHistory[i] = raw[2][i];
            }
        }
        PairInputs pairs = PairInputs.of(batch, encoding, canvases);
        if (pairs.signatureRows.length > 0) {
            double[] values = signature.cosines(pairs.references, pairs.presented);
            for (int k = 0; k < values.length; k++) {
                signatureCosines[pairs.signatureRows[k]] = values[k];
            }
        }
        return new ConsensusCosines(
                profileTransaction,
                profileHistory,
                transactionHistory,
                signatureCosines,
                pairs.signatureUnreadable);
    }

    /** The calibration in use. */
    public ConsensusCalibration calibration() {
        return calibration;
    }

    /** The feature encoding in use. */
    public FeatureEncoding encoding() {
        return encoding;
    }

    /** The history sequence encoding in use. */
    public HistoryEncoding history() {
        return history;
    }

    /** The consensus (profile, transaction, history) network. */
    public ConsensusNetwork behaviourNetwork() {
        return behaviour;
    }

    /** The signature network. */
    public PairNetwork signatureNetwork() {
        return signature;
    }

    /** Marks the detector closed; see {@link CrossModalDetector#close()}. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            behaviour.close();
            signature.close();
        }
    }

    private static double[] nanFilled(int size) {
        double[] values = new double[size];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
