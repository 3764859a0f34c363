package io.polygraph.train;

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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts a trained and calibrated CMAD detector into a {@code cmad} {@link DetectorSnapshot}:
 * networks as FlatBuffers, manifest with calibration ({@link CmadParameters}), feature encoding,
 * training configuration and held-out metrics. The version comes from {@link SnapshotStamp}.
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
        SnapshotStamp stamp = SnapshotStamp.now(networks);
        ObjectNode training = SnapshotJson.mapper().valueToTree(config);
        training.put("trainingRecords", trainingRecords);
        training.put("heldOutRecords", heldOutRecords);
        training.put("trainingSeconds", duration.toMillis() / 1000.0);
        SnapshotManifest manifest =
                new SnapshotManifest(
                        SnapshotManifest.FORMAT_VERSION,
                        CmadDetectorType.ID,
                        NAME,
                        stamp.version(),
                        stamp.createdAt(),
                        calibration.threshold(),
                        calibration.targetAlertRate(),
                        detector.encoding().featureSpecVersion(),
                        detector.encoding(),
                        CmadParameters.of(config.embeddingSize(), calibration).toJson(),
                        SnapshotJson.canonicalTree(training),
                        SnapshotJson.canonicalTree(heldOut));
        return new DetectorSnapshot(manifest, networks);
    }
}
