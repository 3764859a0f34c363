package io.polygraph.train;

import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.PairCalibration;
import io.polygraph.detector.ScoreCalibration;
import io.polygraph.eval.EvaluationReport;
import io.polygraph.features.FeatureSpec;
import io.polygraph.fusion.DetectionHead;
import io.polygraph.fusion.DmafnDetector;
import io.polygraph.fusion.FusionCalibration;
import io.polygraph.fusion.FusionEncoding;
import io.polygraph.fusion.FusionInputs;
import io.polygraph.fusion.FusionNetwork;
import io.polygraph.fusion.FusionRow;
import io.polygraph.fusion.FusionRows;
import io.polygraph.fusion.FusionShape;
import io.polygraph.fusion.Modality;
import io.polygraph.graph.Nd4jGraphRunner;
import io.polygraph.schema.AnomalyType;
import io.polygraph.world.WorldJoin.LabelledRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a DMAFN fusion detector on labelled records and calibrates it on held-out entities.
 *
 * <p>Steps: split by entity ({@link EntitySplit}); fit the encodings on the training part; train
 * the graph ({@link FusionGraphs}) with Adam, hiding each present modality of each training record
 * with probability {@link FusionConfig#modalityDropout()} (never all of a record's modalities: the
 * transaction stays when every other one is drawn); then fit the {@link FusionCalibration} on the
 * held-out normal records and evaluate on all held-out records. The autoencoder head trains on
 * normal records only when {@link FusionConfig#trainOnNormalOnly()} (the labels of the training
 * world are used only to leave its anomalies out, as the CMAD trainer does); the classifier head
 * trains on all training records with "not normal" as its label, anomalies weighted by the ratio of
 * normal to anomalous records (at most 50). Deterministic for a seed with single-threaded ND4J.
 */
public final class FusionTrainer {

    /** The {@link TrainingProgress#pair()} of DMAFN batches. */
    public static final String PROGRESS_NAME = "dmafn";

    private static final double MAX_POSITIVE_WEIGHT = 50;

    private final FusionConfig config;

    public FusionTrainer(FusionConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Trains, calibrates and evaluates a detector on {@code records}. */
    public FusionTrainingResult train(List<LabelledRecord> records, TrainingListener listener) {
        long started = System.nanoTime();
        EntitySplit split = EntitySplit.of(records, config.heldOutShare(), config.seed());
        List<LabelledRecord> training = trainingRecords(split.training());
        if (training.size() < 2) {
            throw new IllegalArgumentException(
                    "need at least 2 training records, got " + training.size());
        }
        listener.onStage("encoding " + training.size() + " training records");
        FusionEncoding encoding =
                FusionEncoding.fit(
                        recordsOf(training), config.recentLimit(), config.historySteps());
        List<FusionRow> rows = FusionRows.encode(recordsOf(training), encoding);
        float[] labels = anomalyLabels(training);
        FusionShape shape = encoding.shape();
        double[] variances = FusionTargets.variances(rows, shape);
        SameDiff graph = FusionGraphs.training(shape, config, variances, positiveWeight(labels));
        double[] losses = fit(graph, rows, labels, shape, listener);
        SameDiff inference = FusionGraphs.inference(shape, config, variances);
        PairGraphs.transferWeights(graph, inference);
        FusionNetwork network = new FusionNetwork(inference, config.mode(), config.head());
        listener.onStage("calibrating on " + split.heldOut().size() + " held-out records");
        DmafnDetector uncalibrated =
                new DmafnDetector(info(0), encoding, network, placeholderCalibration());
        List<MultimodalRecord> heldOut = recordsOf(split.heldOut());
        double[][] raw = rawValues(uncalibrated, heldOut);
        FusionCalibration calibration = calibrate(raw, typesOf(split.heldOut()));
        DmafnDetector detector =
                uncalibrated.withCalibration(info(calibration.threshold()), calibration);
        EvaluationReport report =
                HeldOutScoring.evaluate(detector, heldOut, typesOf(split.heldOut()));
        return new FusionTrainingResult(
                detector,
                config,
                losses,
                report,
                training.size(),
                heldOut.size(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private double[] fit(
            SameDiff graph,
            List<FusionRow> rows,
            float[] labels,
            FusionShape shape,
            TrainingListener listener) {
        String term =
                config.head() == DetectionHead.AUTOENCODER
                        ? FusionGraphs.RECONSTRUCTION_ERROR
                        : FusionGraphs.CLASSIFICATION_ERROR;
        LossRecorder recorder = LossRecorder.ofTerms(term);
        SplittableRandom random = new SplittableRandom(config.seed() ^ 0x2545F4914F6CDD1DL);
        int[] all = IntStream.range(0, rows.size()).toArray();
        ProgressClock clock = new ProgressClock();
        double[] losses = new double[config.epochs()];
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            List<int[]> batches = BatchArrays.shuffledBatches(all, config.batchSize(), random);
            double lossSum = 0;
            TrainingProgress progress = null;
            for (int b = 0; b < batches.size(); b++) {
                graph.fit(batch(rows, labels, batches.get(b), shape, random), recorder);
                lossSum += recorder.lastLoss();
                clock.tick(PROGRESS_NAME);
                long left =
                        (long) (config.epochs() - epoch) * batches.size() + batches.size() - b - 1;
                progress =
                        new TrainingProgress(
                                PROGRESS_NAME,
                                epoch,
                                config.epochs(),
                                b + 1,
                                batches.size(),
                                lossSum / (b + 1),
                                clock.elapsed(),
                                clock.remaining(Map.of(PROGRESS_NAME, left)));
                listener.onBatch(progress);
            }
            losses[epoch - 1] = lossSum / batches.size();
            listener.onEpochEnd(progress);
        }
        return losses;
    }

    private MultiDataSet batch(
            List<FusionRow> rows,
            float[] labels,
            int[] indices,
            FusionShape shape,
            SplittableRandom random) {
        List<FusionRow> batchRows = new ArrayList<>(indices.length);
        float[] batchLabels = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            batchRows.add(rows.get(indices[i]));
            batchLabels[i] = labels[indices[i]];
        }
        float[][] presence = FusionInputs.presence(batchRows);
        float[][] visible = modalityDropout(presence, random);
        Map<String, INDArray> inputs =
                Nd4jGraphRunner.toArrays(FusionInputs.of(batchRows, shape, visible));
        inputs.put(FusionGraphs.TARGET_MASK, Nd4j.createFromArray(presence));
        inputs.put(
                FusionGraphs.LABEL, Nd4j.createFromArray(batchLabels).reshape(indices.length, 1));
        String[] order = FusionGraphs.trainingInputs();
        INDArray[] features = new INDArray[order.length];
        for (int i = 0; i < order.length; i++) {
            features[i] = inputs.get(order[i]);
        }
        return new MultiDataSet(features, new INDArray[0]);
    }

    /** Presence with each present modality hidden with the configured probability. */
    private float[][] modalityDropout(float[][] presence, SplittableRandom random) {
        float[][] visible = new float[presence.length][];
        for (int i = 0; i < presence.length; i++) {
            visible[i] = presence[i].clone();
            boolean anyVisible = false;
            for (int k = 0; k < visible[i].length; k++) {
                if (visible[i][k] > 0 && random.nextDouble() < config.modalityDropout()) {
                    visible[i][k] = 0f;
                }
                anyVisible |= visible[i][k] > 0;
            }
            if (!anyVisible) {
                visible[i][Modality.TRANSACTION.ordinal()] = 1f;
            }
        }
        return visible;
    }

    /**
     * Fits the calibrations on the held-out normal records and sets epsilon at the target alert
     * rate of their calibrated scores.
     */
    private FusionCalibration calibrate(double[][] raw, List<AnomalyType> types) {
        List<double[]> normal = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            if (types.get(i) == AnomalyType.NORMAL) {
                normal.add(raw[i]);
            }
        }
        List<PairCalibration> modalities = new ArrayList<>();
        if (config.head() == DetectionHead.AUTOENCODER) {
            for (Modality modality : Modality.values()) {
                double[] values = column(normal, 1 + modality.ordinal());
                boolean any = java.util.Arrays.stream(values).anyMatch(Double::isFinite);
                modalities.add(any ? PairCalibration.fit(values) : PairCalibration.uncalibrated(0));
            }
        }
        // The overall value of the autoencoder head (a minimum of modality z-scores) depends on the
        // modality calibrations, so it is fitted after them.
        FusionCalibration partial =
                new FusionCalibration(
                        PairCalibration.uncalibrated(0), modalities, 0, config.targetAlertRate());
        PairCalibration overall =
                PairCalibration.fit(normal.stream().mapToDouble(partial::overallRaw).toArray());
        double[] normalScores =
                normal.stream()
                        .mapToDouble(r -> overall.normalise(partial.overallRaw(r)))
                        .toArray();
        double threshold = ScoreCalibration.thresholdFor(normalScores, config.targetAlertRate());
        return new FusionCalibration(overall, modalities, threshold, config.targetAlertRate());
    }

    private static double[] column(List<double[]> rows, int index) {
        return rows.stream().mapToDouble(r -> r[index]).toArray();
    }

    private static double[][] rawValues(DmafnDetector detector, List<MultimodalRecord> records) {
        return HeldOutScoring.rows(records, detector::rawValues);
    }

    private static FusionCalibration placeholderCalibration() {
        return new FusionCalibration(PairCalibration.uncalibrated(0), List.of(), 0, 0.01);
    }

    private ModelInfo info(double threshold) {
        return new ModelInfo(
                FusionTrainingResult.NAME, "untrained", threshold, FeatureSpec.VERSION);
    }

    private List<LabelledRecord> trainingRecords(List<LabelledRecord> split) {
        boolean normalOnly =
                config.head() == DetectionHead.AUTOENCODER && config.trainOnNormalOnly();
        return split.stream()
                .filter(r -> !normalOnly || r.label().getType() == AnomalyType.NORMAL)
                .toList();
    }

    private static float[] anomalyLabels(List<LabelledRecord> records) {
        float[] labels = new float[records.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = records.get(i).label().getType() == AnomalyType.NORMAL ? 0f : 1f;
        }
        return labels;
    }

    private static double positiveWeight(float[] labels) {
        double positives = 0;
        for (float label : labels) {
            positives += label;
        }
        if (positives == 0) {
            return 1;
        }
        return Math.min(MAX_POSITIVE_WEIGHT, (labels.length - positives) / positives);
    }

    private static List<MultimodalRecord> recordsOf(List<LabelledRecord> records) {
        return records.stream().map(LabelledRecord::record).toList();
    }

    private static List<AnomalyType> typesOf(List<LabelledRecord> records) {
        return records.stream().map(record -> record.label().getType()).toList();
    }
}
