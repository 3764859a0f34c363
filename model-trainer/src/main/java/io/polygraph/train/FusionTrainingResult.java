package io.polygraph.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.SnapshotJson;
import io.polygraph.eval.EvaluationReport;
import io.polygraph.fusion.DmafnDetector;
import java.time.Duration;

/**
 * A trained and calibrated DMAFN detector with how it was trained and how it did on held-out
 * entities.
 *
 * @param detector the calibrated detector
 * @param config the configuration it was trained with
 * @param epochLosses mean training loss of each epoch
 * @param heldOut evaluation on the held-out entities' records
 * @param trainingRecords records trained on
 * @param heldOutRecords records calibrated and evaluated on
 * @param duration wall time of training, calibration and evaluation
 */
public record FusionTrainingResult(
        DmafnDetector detector,
        FusionConfig config,
        double[] epochLosses,
        EvaluationReport heldOut,
        int trainingRecords,
        int heldOutRecords,
        Duration duration) {

    /** Name of the detector in snapshots, alerts and reports. */
    public static final String NAME = "dmafn";

    /**
     * The detector as a snapshot, with the configuration, record counts and training time as its
     * training configuration and the held-out evaluation as its metrics.
     */
    public DetectorSnapshot snapshot() {
        ObjectNode training = SnapshotJson.mapper().valueToTree(config);
        training.put("trainingRecords", trainingRecords);
        training.put("heldOutRecords", heldOutRecords);
        training.put("trainingSeconds", duration.toMillis() / 1000.0);
        return detector.toSnapshot(
                NAME, SnapshotJson.canonicalTree(training), SnapshotJson.canonicalTree(heldOut));
    }
}
