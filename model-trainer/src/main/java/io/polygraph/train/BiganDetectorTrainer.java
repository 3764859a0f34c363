package io.polygraph.train;

import io.polygraph.autoencoder.ConcatenatedRows;
import io.polygraph.autoencoder.RecordBlocks;
import io.polygraph.bigan.BiganDetectorType;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.RawScoreCalibration;
import io.polygraph.detector.RowModelDetector;
import io.polygraph.eval.EvaluationReport;
import io.polygraph.features.FeatureEncoding;
import io.polygraph.features.FeatureSpec;
import io.polygraph.gan.bigan.BiganTrainer;
import io.polygraph.gan.bigan.BiganTraining;
import io.polygraph.schema.AnomalyType;
import io.polygraph.world.WorldJoin.LabelledRecord;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the {@code igmm-bigan} detector on labelled world records and calibrates it on held-out
 * entities.
 *
 * <p>Steps, those of {@link MmocDetectorTrainer}: split by entity ({@link EntitySplit}); keep the
 * training entities' NORMAL records; fit the feature encoding and the row encoding ({@link
 * ConcatenatedRows}, the autoencoder's row) on them; train IGMM-BiGAN ({@link BiganTrainer}: the
 * networks, then the latent mixture on the encoded rows) on their rows; then fit the {@link
 * RawScoreCalibration} on the held-out NORMAL records' IGMM scores and evaluate on every held-out
 * record (positives: the cross-modal anomaly types, as for CMAD). Labels are otherwise read for
 * calibration and evaluation only. Deterministic for a seed with single-threaded ND4J.
 */
public final class BiganDetectorTrainer {

    private final BiganDetectorConfig config;

    public BiganDetectorTrainer(BiganDetectorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Trains, calibrates and evaluates a detector on {@code records}.
     *
     * @throws IllegalArgumentException when there are fewer than 2 normal training records, or no
     *     mixture cluster has more than the configured minimum size
     */
    public BiganTrainingResult train(List<LabelledRecord> records, TrainingListener listener) {
        long started = System.nanoTime();
        EntitySplit split = EntitySplit.of(records, config.heldOutShare(), config.seed());
        List<MultimodalRecord> training = HeldOutScoring.normal(split.training());
        if (training.size() < 2) {
            throw new IllegalArgumentException(
                    "need at least 2 normal training records, got " + training.size());
        }
        listener.onStage("encoding " + training.size() + " normal training records");
        FeatureEncoding features = FeatureEncoding.fit(training, config.recentLimit());
        RecordBlocks blocks = RecordBlocks.of(training, features, false);
        ConcatenatedRows rows = ConcatenatedRows.fit(blocks);
        BiganTraining trained =
                new BiganTrainer(config.gan())
                        .train(Nd4j.createFromArray(rows.rows(blocks)), listener);

        listener.onStage("calibrating on " + split.heldOut().size() + " held-out records");
        RowModelDetector uncalibrated =
                new RowModelDetector(
                        BiganDetectorType.ID,
                        BiganDetectorType.NETWORK,
                        info(0),
                        features,
                        rows,
                        trained.model(),
                        RawScoreCalibration.uncalibrated(config.targetAlertRate()));
        RawScoreCalibration calibration =
                RawScoreCalibration.fit(
                        HeldOutScoring.values(
                                HeldOutScoring.normal(split.heldOut()), uncalibrated::rawScores),
                        config.targetAlertRate());
        RowModelDetector detector =
                uncalibrated.withCalibration(info(calibration.threshold()), calibration);
        List<MultimodalRecord> heldOut =
                split.heldOut().stream().map(LabelledRecord::record).toList();
        List<AnomalyType> types =
                split.heldOut().stream().map(record -> record.label().getType()).toList();
        EvaluationReport report = HeldOutScoring.evaluate(detector, heldOut, types);
        return new BiganTrainingResult(
                detector,
                config,
                trained,
                report,
                training.size(),
                heldOut.size(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private ModelInfo info(double threshold) {
        return new ModelInfo(
                BiganDetectorConfig.METHOD, "untrained", threshold, FeatureSpec.VERSION);
    }
}
