package io.polygraph.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.polygraph.detector.CrossModalDetector;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.PairCalibration;
import io.polygraph.detector.ScoreCalibration;
import io.polygraph.detector.SnapshotJson;
import io.polygraph.detector.SnapshotManifest;
import io.polygraph.eval.EvaluationReport;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Puts a trained and calibrated detector into a {@link DetectorSnapshot}: networks as FlatBuffers,
 * manifest with calibration, feature encoding, training configuration and held-out metrics.
 *
 * <p>The version is the creation time (UTC, to the second) and the first 8 hex digits of the
 * SHA-256 of both networks, so two runs never share a version and equal networks are recognisable.
 */
final class SnapshotAssembler {

    static final String NAME = "cmad";
    private static final DateTimeFormatter VERSION_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

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
        byte[] profileTransaction = detector.profileTransactionNetwork().toBytes();
        byte[] signature = detector.signatureNetwork().toBytes();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String version = VERSION_TIME.format(now) + "-" + shortHash(profileTransaction, signature);
        ObjectNode training = SnapshotJson.mapper().valueToTree(config);
        training.put("trainingRecords", trainingRecords);
        training.put("heldOutRecords", heldOutRecords);
        training.put("trainingSeconds", duration.toMillis() / 1000.0);
        SnapshotManifest manifest =
                new SnapshotManifest(
                        SnapshotManifest.FORMAT_VERSION,
                        NAME,
                        version,
                        now.toString(),
                        detector.encoding().featureSpecVersion(),
                        config.embeddingSize(),
                        calibration.threshold(),
                        calibration.targetAlertRate(),
                        calibration.profileTransaction(),
                        calibration.signature(),
                        detector.encoding(),
                        SnapshotJson.canonicalTree(training),
                        SnapshotJson.canonicalTree(heldOut));
        return new DetectorSnapshot(manifest, profileTransaction, signature);
    }

    private static String shortHash(byte[] first, byte[] second) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(first);
            sha256.update(second);
            return HexFormat.of().formatHex(sha256.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
