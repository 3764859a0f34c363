package io.polygraph.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.polygraph.detector.CmadDetectorType;
import io.polygraph.detector.CmadParameters;
import io.polygraph.detector.CrossModalDetector;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.PairCalibration;
import io.polygraph.detector.ScoreCalibration;
import io.polygraph.detector.SnapshotJson;
import io.polygraph.detector.SnapshotManifest;
import io.polygraph.detector.SnapshotStamp;
import io.polygraph.eval.EvaluationReport;
import io.polygraph.features.FeatureEncoding;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts a trained and calibrated CMAD detector into a {@code cmad} (or, with {@link
 * #assemble(String, String, Map, FeatureEncoding, JsonNode, double, double, ObjectNode, HeldOut)},
 * any CMAD type's) {@link DetectorSnapshot}: networks as FlatBuffers, manifest with calibration
 * ({@link CmadParameters}), feature encoding, training configuration and held-out metrics. The
 * version comes from {@link SnapshotStamp}.
 */
final class SnapshotAssembler {

    static final String NAME = "cmad";

    private final TrainerConfig config;

    SnapshotAssembler(TrainerConfig config) {
        this.config = config;
    }

    /** A calibration to run the networks before the real one is fitted. */
    static ScoreCalibration placeholderCalibration(double targetAlertRate) {
        PairCalibration identity = PairCalibration.uncalibrated(0.0);
        return new ScoreCalibration(identity, identity, 0.0, targetAlertRate);
    }

    DetectorSnapshot assemble(
            CrossModalDetector detector,
            ScoreCalibration calibration,
            EvaluationReport heldOut,
            int trainingRecords,
            int heldOutRecords,
            Duration duration) {
        Map<String, byte[]> networks = new LinkedHashMap<>();
        networks.put(
                CmadDetectorType.PROFILE_TRANSACTION,
                detector.profileTransactionNetwork().toBytes());
        networks.put(CmadDetectorType.SIGNATURE, detector.signatureNetwork().toBytes());
        return assemble(
                CmadDetectorType.ID,
                NAME,
                networks,
                detector.encoding(),
                CmadParameters.of(config.embeddingSize(), calibration).toJson(),
                calibration.threshold(),
                calibration.targetAlertRate(),
                SnapshotJson.mapper().valueToTree(config),
                new HeldOut(heldOut, trainingRecords, heldOutRecords, duration));
    }

    /**
     * A snapshot of any CMAD type: its networks in the type's order, its parameters, and the
     * training configuration (as a JSON object, to which the record counts and duration are added).
     */
    static DetectorSnapshot assemble(
            String typeId,
            String name,
            Map<String, byte[]> networks,
            FeatureEncoding encoding,
            JsonNode parameters,
            double threshold,
            double targetAlertRate,
            ObjectNode training,
            HeldOut heldOut) {
        SnapshotStamp stamp = SnapshotStamp.now(networks);
        training.put("trainingRecords", heldOut.trainingRecords());
        training.put("heldOutRecords", heldOut.heldOutRecords());
        training.put("trainingSeconds", heldOut.duration().toMillis() / 1000.0);
        SnapshotManifest manifest =
                SnapshotManifest.stamped(
                        typeId,
                        name,
                        stamp,
                        threshold,
                        targetAlertRate,
                        encoding,
                        parameters,
                        SnapshotJson.canonicalTree(training),
                        SnapshotJson.canonicalTree(heldOut.report()));
        return new DetectorSnapshot(manifest, networks);
    }

    /** The held-out evaluation and the sizes and duration of a training run. */
    record HeldOut(
            EvaluationReport report, int trainingRecords, int heldOutRecords, Duration duration) {}
}
