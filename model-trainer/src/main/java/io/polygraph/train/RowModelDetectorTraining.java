package io.polygraph.train;

import io.polygraph.autoencoder.ConcatenatedRows;
import io.polygraph.autoencoder.RecordBlocks;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.RawScoreCalibration;
import io.polygraph.detector.RowAnomalyModel;
import io.polygraph.detector.RowModelDetector;
import io.polygraph.eval.EvaluationReport;
import io.polygraph.features.FeatureEncoding;
import io.polygraph.features.FeatureSpec;
import io.polygraph.gan.DivergenceCheck;
import io.polygraph.gan.TrainingDivergedException;
import io.polygraph.schema.AnomalyType;
import io.polygraph.world.WorldJoin.LabelledRecord;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The steps every {@link RowModelDetector} trainer shares (MMOC-GAN, IGMM-BiGAN): split by entity
 * ({@link EntitySplit}); keep the training entities' NORMAL records; fit the feature encoding and
 * the row encoding ({@link ConcatenatedRows}, the autoencoder's row) on them; train the model on
 * their rows; fit the {@link RawScoreCalibration} on the held-out NORMAL records' raw scores; and
 * evaluate on every held-out record (positives: the cross-modal anomaly types, as for CMAD). Labels
 * are otherwise read for calibration and evaluation only. A diverged model (see {@link
 * DivergenceCheck}) stops the run before calibration, so it never becomes a detector.
 *
 * @param detectorType the snapshot type the detector writes
 * @param network the type's network entry
 * @param method the model name in the detector's {@link ModelInfo}
 * @param split how the records are split and encoded
 */
record RowModelDetectorTraining(String detectorType, String network, String method, Split split) {

    /** The split and encoding settings of a row-model trainer's configuration. */
    record Split(double heldOutShare, long seed, int recentLimit, double targetAlertRate) {}

    /**
     * What a run produced.
     *
     * @param <T> the model trainer's own result (loss curves and the model)
     */
    record Outcome<T>(
            RowModelDetector detector,
            T trained,
            EvaluationReport report,
            int trainingRecords,
            int heldOutRecords,
            Duration duration) {}

    /**
     * Trains with {@code trainer} on the normal training rows, then calibrates and evaluates.
     *
     * @param model the trained model inside the trainer's result
     * @throws IllegalArgumentException when there are fewer than 2 normal training records
     * @throws TrainingDivergedException when training diverged, or the trained model's raw scores
     *     on its training rows are not all finite or all equal ({@link DivergenceCheck})
     */
    <T> Outcome<T> run(
            List<LabelledRecord> records,
            Function<INDArray, T> trainer,
            Function<T, RowAnomalyModel> model,
            TrainingListener listener) {
        long started = System.nanoTime();
        EntitySplit entities = EntitySplit.of(records, split.heldOutShare(), split.seed());
        List<MultimodalRecord> training = HeldOutScoring.normal(entities.training());
        if (training.size() < 2) {
            throw new IllegalArgumentException(
                    "need at least 2 normal training records, got " + training.size());
        }
        listener.onStage("encoding " + training.size() + " normal training records");
        FeatureEncoding features = FeatureEncoding.fit(training, split.recentLimit());
        RecordBlocks blocks = RecordBlocks.of(training, features, false);
        ConcatenatedRows rows = ConcatenatedRows.fit(blocks);
        INDArray trainingRows = Nd4j.createFromArray(rows.rows(blocks));
        T trained = trainer.apply(trainingRows);
        RowAnomalyModel anomalyModel = model.apply(trained);
        // Before calibration: a threshold fitted to scores that rank nothing would look valid.
        DivergenceCheck.trainingScores(method, anomalyModel.rawScores(trainingRows));

        listener.onStage("calibrating on " + entities.heldOut().size() + " held-out records");
        RowModelDetector uncalibrated =
                new RowModelDetector(
                        detectorType,
                        network,
                        info(0),
                        features,
                        rows,
                        anomalyModel,
                        RawScoreCalibration.uncalibrated(split.targetAlertRate()));
        RawScoreCalibration calibration =
                RawScoreCalibration.fit(
                        HeldOutScoring.values(
                                HeldOutScoring.normal(entities.heldOut()), uncalibrated::rawScores),
                        split.targetAlertRate());
        RowModelDetector detector =
                uncalibrated.withCalibration(info(calibration.threshold()), calibration);
        List<MultimodalRecord> heldOut =
                entities.heldOut().stream().map(LabelledRecord::record).toList();
        List<AnomalyType> types =
                entities.heldOut().stream().map(record -> record.label().getType()).toList();
        EvaluationReport report = HeldOutScoring.evaluate(detector, heldOut, types);
        return new Outcome<>(
                detector,
                trained,
                report,
                training.size(),
                heldOut.size(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private ModelInfo info(double threshold) {
        return new ModelInfo(method, "untrained", threshold, FeatureSpec.VERSION);
    }
}
