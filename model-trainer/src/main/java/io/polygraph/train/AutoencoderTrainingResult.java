package io.polygraph.train;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.polygraph.autoencoder.AutoencoderDetector;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.SnapshotJson;
import io.polygraph.eval.EvaluationReport;
import io.polygraph.unsupervised.DuadResult;
import io.polygraph.unsupervised.DuadRound;
import java.time.Duration;

/**
 * A trained and calibrated {@code autoencoder} detector with how it was trained and how it did on
 * held-out entities.
 *
 * @param detector the calibrated detector
 * @param config the configuration it was trained with
 * @param epochLosses mean reconstruction loss of each epoch trained
 * @param duad DUAD's selection history, or null when trained plainly
 * @param heldOut evaluation on the held-out entities' records
 * @param trainingRecords records trained on (for DUAD: offered to the selection)
 * @param heldOutRecords records calibrated and evaluated on
 * @param duration wall time of training, calibration and evaluation
 */
public record AutoencoderTrainingResult(
        AutoencoderDetector detector,
        AutoencoderDetectorConfig config,
        double[] epochLosses,
        DuadResult duad,
        EvaluationReport heldOut,
        int trainingRecords,
        int heldOutRecords,
        Duration duration) {

    /**
     * The detector as a snapshot named after its training method ({@code autoencoder} or {@code
     * duad}), with the configuration, the method, whether labels chose its training records, record
     * counts, training time and DUAD's rounds as its training configuration, and the held-out
     * evaluation as its metrics.
     */
    public DetectorSnapshot snapshot() {
        ObjectNode training = SnapshotJson.mapper().valueToTree(config);
        training.put("method", config.method());
        training.put("labelsChoseTrainingRecords", duad == null && config.trainOnNormalOnly());
        training.put("trainingRecords", trainingRecords);
        training.put("heldOutRecords", heldOutRecords);
        training.put("epochsTrained", epochLosses.length);
        training.put("trainingSeconds", duration.toMillis() / 1000.0);
        if (duad != null) {
            training.put("duadConverged", duad.converged());
            ArrayNode rounds = training.putArray("duadRounds");
            for (DuadRound round : duad.rounds()) {
                rounds.add(SnapshotJson.mapper().valueToTree(round));
            }
        }
        return detector.toSnapshot(
                config.method(),
                SnapshotJson.canonicalTree(training),
                SnapshotJson.canonicalTree(heldOut));
    }
}
