package io.polygraph.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.RowModelDetector;
import io.polygraph.detector.SnapshotJson;
import io.polygraph.eval.EvaluationReport;
import io.polygraph.gan.mmoc.MmocTraining;
import java.time.Duration;

/**
 * A trained and calibrated {@code mmoc} detector with how it was trained (the MMOC-GAN run's loss
 * curves among it) and how it did on held-out entities.
 *
 * @param detector the calibrated detector
 * @param config the configuration it was trained with
 * @param training the MMOC-GAN run: per-epoch losses of the discriminator, the generator and the
 *     target network, and the density threshold epsilon
 * @param heldOut evaluation on the held-out entities' records
 * @param trainingRecords normal records trained on
 * @param heldOutRecords records calibrated (the normal ones) and evaluated on
 * @param duration wall time of training, calibration and evaluation
 */
public record MmocTrainingResult(
        RowModelDetector detector,
        MmocDetectorConfig config,
        MmocTraining training,
        EvaluationReport heldOut,
        int trainingRecords,
        int heldOutRecords,
        Duration duration) {

    /**
     * The detector as a snapshot named {@code mmoc}, with the configuration, record counts,
     * training time, epsilon and the loss curves ({@code curves.discriminator}, {@code
     * curves.generator}, {@code curves.target}, one value per epoch, null where not finite) as its
     * training configuration, and the held-out evaluation as its metrics.
     */
    public DetectorSnapshot snapshot() {
        ObjectNode json = SnapshotJson.mapper().valueToTree(config);
        json.put("method", MmocDetectorConfig.METHOD);
        json.put("labelsChoseTrainingRecords", true);
        json.put("trainingRecords", trainingRecords);
        json.put("heldOutRecords", heldOutRecords);
        json.put("trainingSeconds", duration.toMillis() / 1000.0);
        json.put("densityEpsilon", training.epsilon());
        ObjectNode curves = json.putObject("curves");
        LossCurves.put(curves.putArray("discriminator"), training.discriminatorLosses());
        LossCurves.put(curves.putArray("generator"), training.generatorLosses());
        LossCurves.put(curves.putArray("target"), training.targetLosses());
        return detector.toSnapshot(
                MmocDetectorConfig.METHOD,
                SnapshotJson.canonicalTree(json),
                SnapshotJson.canonicalTree(heldOut));
    }
}
