package io.polygraph.train;

import io.polygraph.detector.BatchCosines;
import io.polygraph.detector.CrossModalDetector;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.ScoreCalibration;
import io.polygraph.eval.EvaluationReport;
import io.polygraph.features.FeatureEncoding;
import io.polygraph.schema.AnomalyType;
import io.polygraph.world.WorldJoin.LabelledRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SameDiff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a CMAD cross-modal detector (Eq. 8 of the CMAD paper) on labelled records and calibrates
 * it.
 *
 * <p>Steps: split by entity ({@link EntitySplit}); fit the feature encoding on the training split;
 * train the (profile, transaction) and the siamese signature networks ({@link TrainingLoop});
 * calibrate each pair and epsilon on the held-out split's NORMAL records ({@link Calibrator});
 * evaluate on the whole held-out split; assemble the snapshot ({@link SnapshotAssembler}).
 *
 * <p>Contamination: by default ({@link TrainerConfig#trainOnNormalOnly()}) the consistent pairs are
 * the training split's NORMAL records only. Trained on all records instead (about 3 % anomalies in
 * the default world, as unlabelled real data would be), the network is explicitly taught that the
 * few hundred anomalous transactions are consistent with their profiles; they form tight, unusual
 * clusters (night transfers abroad from new devices), so it learns to accept exactly them: on the
 * validation world, recall on behaviour anomalies at a 0.5 % false-alarm rate fell to a third.
 * Labels are otherwise read only to calibrate (normal held-out records) and to evaluate. Set the
 * flag to false for data without labels.
 *
 * <p>Usage: {@code new CmadTrainer(TrainerConfig.defaults()).train(records, listener)}. Runs on the
 * caller's thread (ND4J uses the cores underneath); not reentrant.
 */
public final class CmadTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(CmadTrainer.class);
    private static final int SCORING_BATCH = 1024;

    private final TrainerConfig config;

    public CmadTrainer(TrainerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Trains, calibrates and evaluates a detector on {@code records}. */
    public TrainingResult train(List<LabelledRecord> records, TrainingListener listener) {
        long started = System.nanoTime();
        EntitySplit split = EntitySplit.of(records, config.heldOutShare(), config.seed());
        List<MultimodalRecord> training = trainingRecords(split.training(), config);
        listener.onStage("encoding features");
        FeatureEncoding encoding = FeatureEncoding.fit(training, config.recentLimit());
        CrossModalDetector uncalibrated = fitNetworks(training, encoding, listener);
        listener.onStage("calibrating");
        List<MultimodalRecord> heldOut = recordsOf(split.heldOut());
        List<AnomalyType> heldOutTypes = typesOf(split.heldOut());
        BatchCosines heldOutCosines = cosinesOf(uncalibrated, heldOut);
        ScoreCalibration calibration =
                Calibrator.calibrate(
                        heldOut,
                        heldOutTypes,
                        heldOutCosines,
                        () -> cosinesOf(uncalibrated, training),
                        config.targetAlertRate());
        listener.onStage("evaluating");
        EvaluationReport report = evaluate(heldOut, heldOutTypes, heldOutCosines, calibration);
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        DetectorSnapshot snapshot =
                new SnapshotAssembler(config)
                        .assemble(
                                uncalibrated,
                                calibration,
                                report,
                                training.size(),
                                heldOut.size(),
                                duration);
        LOG.info(
                "Trained {} in {} s; held-out evaluation:\n{}",
                snapshot.modelInfo().version(),
                duration.toSeconds(),
                report.summary());
        return new TrainingResult(snapshot, report, duration);
    }

    /** Trains both pair networks and returns them in an (uncalibrated) detector. */
    private CrossModalDetector fitNetworks(
            List<MultimodalRecord> training, FeatureEncoding encoding, TrainingListener listener) {
        ProfileTransactionBatches ptBatches = new ProfileTransactionBatches(training, encoding);
        SignatureBatches sigBatches = new SignatureBatches(training);
        LOG.info(
                "Training on {} records: {} profile-transaction pairs, {} signature pairs of {}"
                        + " writers ({} unreadable)",
                training.size(),
                ptBatches.size(),
                sigBatches.size(),
                sigBatches.writers(),
                sigBatches.skipped());
        PairArchitecture ptArchitecture =
                new ProfileTransactionArchitecture(
                        encoding.profileWidth(),
                        encoding.transactionWidth(),
                        config.embeddingSize());
        PairArchitecture sigArchitecture = new SignatureArchitecture();
        SameDiff ptGraph =
                PairGraphs.training(ptArchitecture, config, config.learningRate(), config.seed());
        SameDiff sigGraph =
                PairGraphs.training(
                        sigArchitecture, config, config.signatureLearningRate(), config.seed() + 1);
        listener.onStage("training");
        new TrainingLoop(config, listener)
                .run(ptBatches, ptArchitecture, ptGraph, sigBatches, sigArchitecture, sigGraph);
        return new CrossModalDetector(
                new ModelInfo(
                        SnapshotAssembler.NAME, "uncalibrated", 0.0, encoding.featureSpecVersion()),
                encoding,
                PairGraphs.toInference(ptArchitecture, ptGraph),
                PairGraphs.toInference(sigArchitecture, sigGraph),
                SnapshotAssembler.placeholderCalibration(config.targetAlertRate()));
    }

    /** Scores in chunks: one network run per pair and chunk. */
    static BatchCosines cosinesOf(CrossModalDetector detector, List<MultimodalRecord> records) {
        List<BatchCosines> parts = new ArrayList<>();
        for (int start = 0; start < records.size(); start += SCORING_BATCH) {
            int end = Math.min(records.size(), start + SCORING_BATCH);
            parts.add(detector.cosines(records.subList(start, end)));
        }
        return BatchCosines.concat(parts);
    }

    /** The records of the split the networks learn from (see the class comment). */
    static List<MultimodalRecord> trainingRecords(
            List<LabelledRecord> split, TrainerConfig config) {
        return split.stream()
                .filter(
                        r ->
                                !config.trainOnNormalOnly()
                                        || r.label().getType() == AnomalyType.NORMAL)
                .map(LabelledRecord::record)
                .toList();
    }

    private static EvaluationReport evaluate(
            List<MultimodalRecord> records,
            List<AnomalyType> types,
            BatchCosines cosines,
            ScoreCalibration calibration) {
        List<RecordScore> scores = CrossModalDetector.verdicts(records, cosines, calibration);
        double[] values = scores.stream().mapToDouble(RecordScore::score).toArray();
        return EvaluationReport.of(
                values, types, calibration.threshold(), EvaluationReport.CROSS_MODAL);
    }

    static List<MultimodalRecord> recordsOf(List<LabelledRecord> records) {
        return records.stream().map(LabelledRecord::record).toList();
    }

    static List<AnomalyType> typesOf(List<LabelledRecord> records) {
        return records.stream().map(record -> record.label().getType()).toList();
    }
}
