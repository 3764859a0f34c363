package io.polygraph.train;

import io.polygraph.autoencoder.AutoencoderDetector;
import io.polygraph.autoencoder.ConcatenatedRows;
import io.polygraph.autoencoder.ReconstructionCalibration;
import io.polygraph.autoencoder.RecordBlocks;
import io.polygraph.autoencoder.RowBlock;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.PairCalibration;
import io.polygraph.eval.EvaluationReport;
import io.polygraph.features.FeatureEncoding;
import io.polygraph.features.FeatureSpec;
import io.polygraph.schema.AnomalyType;
import io.polygraph.unsupervised.DuadResult;
import io.polygraph.unsupervised.DuadTrainer;
import io.polygraph.world.WorldJoin.LabelledRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Trains the {@code autoencoder} detector on labelled world records, plainly or by DUAD, and
 * calibrates it on held-out entities.
 *
 * <p>Steps: split by entity ({@link EntitySplit}); fit the feature encoding and the row encoding
 * ({@link ConcatenatedRows}) on the training records; train the autoencoder on their rows (raw
 * input scaling, {@link InputScaling#RAW}: the row is already scaled block by block, as the world
 * baseline's is); then fit the {@link ReconstructionCalibration} on the held-out NORMAL records and
 * evaluate on every held-out record (positives: the cross-modal anomaly types, as for CMAD). Plain
 * training leaves the training world's anomalies out when {@link
 * AutoencoderDetectorConfig#trainOnNormalOnly()}; DUAD trains on every training record and its
 * selection never reads a label (the labels are passed to {@link DuadTrainer} only to report the
 * anomaly share of each selection). Labels are otherwise read for calibration and evaluation only.
 * Deterministic for a seed with single-threaded ND4J.
 */
public final class AutoencoderDetectorTrainer {

    private final AutoencoderDetectorConfig config;

    public AutoencoderDetectorTrainer(AutoencoderDetectorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Trains, calibrates and evaluates a detector on {@code records}. */
    public AutoencoderTrainingResult train(
            List<LabelledRecord> records, TrainingListener listener) {
        long started = System.nanoTime();
        EntitySplit split = EntitySplit.of(records, config.heldOutShare(), config.seed());
        List<LabelledRecord> training = trainingRecords(split.training());
        if (training.size() < 2) {
            throw new IllegalArgumentException(
                    "need at least 2 training records, got " + training.size());
        }
        listener.onStage("encoding " + training.size() + " training records");
        List<MultimodalRecord> trainingRecords = recordsOf(training);
        FeatureEncoding features = FeatureEncoding.fit(trainingRecords, config.recentLimit());
        RecordBlocks blocks = RecordBlocks.of(trainingRecords, features, false);
        ConcatenatedRows rows = ConcatenatedRows.fit(blocks);
        double[][] x = rows.rows(blocks);
        Trained trained = fit(x, training, listener);
        listener.onStage("calibrating on " + split.heldOut().size() + " held-out records");
        AutoencoderDetector uncalibrated =
                new AutoencoderDetector(
                        info(0), features, rows, trained.model(), placeholderCalibration());
        List<MultimodalRecord> heldOut = recordsOf(split.heldOut());
        List<AnomalyType> types = typesOf(split.heldOut());
        ReconstructionCalibration calibration =
                ReconstructionCalibration.fit(
                        normalAngles(uncalibrated, heldOut, types), config.targetAlertRate());
        AutoencoderDetector detector =
                uncalibrated.withCalibration(info(calibration.threshold()), calibration);
        EvaluationReport report = HeldOutScoring.evaluate(detector, heldOut, types);
        return new AutoencoderTrainingResult(
                detector,
                config,
                trained.losses(),
                trained.duad(),
                report,
                training.size(),
                heldOut.size(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** A trained network, its loss per epoch, and DUAD's history when DUAD trained it. */
    private record Trained(AutoencoderModel model, double[] losses, DuadResult duad) {}

    private Trained fit(double[][] x, List<LabelledRecord> training, TrainingListener listener) {
        if (config.duad() == null) {
            AutoencoderTrainer trainer =
                    AutoencoderTrainer.fittedTo(config.network(), x, InputScaling.RAW);
            double[] losses = trainer.train(x, null, config.epochs(), listener);
            return new Trained(trainer.model(), losses, null);
        }
        boolean[] reportingLabels = new boolean[training.size()];
        for (int i = 0; i < reportingLabels.length; i++) {
            reportingLabels[i] = training.get(i).label().getType() != AnomalyType.NORMAL;
        }
        DuadResult result =
                new DuadTrainer(config.cappedSelection(), config.network(), InputScaling.RAW)
                        .train(x, reportingLabels, listener);
        return new Trained(result.model(), result.epochLosses(), result);
    }

    private static double[][] normalAngles(
            AutoencoderDetector detector, List<MultimodalRecord> records, List<AnomalyType> types) {
        List<MultimodalRecord> normal = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (types.get(i) == AnomalyType.NORMAL) {
                normal.add(records.get(i));
            }
        }
        return HeldOutScoring.rows(normal, detector::angles);
    }

    private ReconstructionCalibration placeholderCalibration() {
        PairCalibration identity = PairCalibration.uncalibrated(0);
        return new ReconstructionCalibration(
                identity,
                Collections.nCopies(RowBlock.count(), identity),
                0,
                config.targetAlertRate());
    }

    private ModelInfo info(double threshold) {
        return new ModelInfo(config.method(), "untrained", threshold, FeatureSpec.VERSION);
    }

    private List<LabelledRecord> trainingRecords(List<LabelledRecord> split) {
        boolean normalOnly = config.duad() == null && config.trainOnNormalOnly();
        return split.stream()
                .filter(r -> !normalOnly || r.label().getType() == AnomalyType.NORMAL)
                .toList();
    }

    private static List<MultimodalRecord> recordsOf(List<LabelledRecord> records) {
        return records.stream().map(LabelledRecord::record).toList();
    }

    private static List<AnomalyType> typesOf(List<LabelledRecord> records) {
        return records.stream().map(record -> record.label().getType()).toList();
    }
}
