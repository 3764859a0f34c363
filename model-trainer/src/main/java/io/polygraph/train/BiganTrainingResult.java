package io.polygraph.train;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.RowModelDetector;
import io.polygraph.detector.SnapshotJson;
import io.polygraph.eval.EvaluationReport;
import io.polygraph.gan.bigan.BiganTraining;
import io.polygraph.mixture.MixtureCluster;
import java.time.Duration;

/**
 * A trained and calibrated {@code igmm-bigan} detector with how it was trained (the BiGAN's loss
 * curves and the latent mixture's kept clusters among it) and how it did on held-out entities.
 *
 * @param detector the calibrated detector
 * @param config the configuration it was trained with
 * @param training the IGMM-BiGAN run: per-epoch losses of the discriminator and of the encoder and
 *     generator, and the model with its fitted mixture
 * @param heldOut evaluation on the held-out entities' records
 * @param trainingRecords normal records trained on
 * @param heldOutRecords records calibrated (the normal ones) and evaluated on
 * @param duration wall time of training, calibration and evaluation
 */
public record BiganTrainingResult(
        RowModelDetector detector,
        BiganDetectorConfig config,
        BiganTraining training,
        EvaluationReport heldOut,
        int trainingRecords,
        int heldOutRecords,
        Duration duration) {

    /** The training rows each kept mixture cluster holds, in the mixture's order. */
    public int[] clusterSizes() {
        return training.model().mixture().clusters().stream()
                .mapToInt(MixtureCluster::size)
                .toArray();
    }

    /**
     * The detector as a snapshot named {@code igmm-bigan}, with the configuration, record counts,
     * training time, the loss curves ({@code curves.discriminator}, {@code
     * curves.encoderGenerator}, one value per epoch, null where not finite) and the kept clusters
     * ({@code clusters.count}, {@code clusters.sizes}) as its training configuration, and the
     * held-out evaluation as its metrics.
     */
    public DetectorSnapshot snapshot() {
        ObjectNode json = SnapshotJson.mapper().valueToTree(config);
        json.put("method", BiganDetectorConfig.METHOD);
        json.put("labelsChoseTrainingRecords", true);
        json.put("trainingRecords", trainingRecords);
        json.put("heldOutRecords", heldOutRecords);
        json.put("trainingSeconds", duration.toMillis() / 1000.0);
        ObjectNode curves = json.putObject("curves");
        LossCurves.put(curves.putArray("discriminator"), training.discriminatorLosses());
        LossCurves.put(curves.putArray("encoderGenerator"), training.encoderGeneratorLosses());
        int[] sizes = clusterSizes();
        ObjectNode clusters = json.putObject("clusters");
        clusters.put("count", sizes.length);
        ArrayNode sizeArray = clusters.putArray("sizes");
        for (int size : sizes) {
            sizeArray.add(size);
        }
        return detector.toSnapshot(
                BiganDetectorConfig.METHOD,
                SnapshotJson.canonicalTree(json),
                SnapshotJson.canonicalTree(heldOut));
    }
}
