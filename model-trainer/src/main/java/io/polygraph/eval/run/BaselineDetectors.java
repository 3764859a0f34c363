package io.polygraph.eval.run;

import io.polygraph.autoencoder.ConcatenatedRows;
import io.polygraph.detector.ScoreCalibration;
import io.polygraph.eval.LabelledScores;
import io.polygraph.eval.report.LossCurve;
import io.polygraph.eval.report.SeedRun;
import io.polygraph.eval.report.SeedRunBuilder;
import io.polygraph.train.AutoencoderConfig;
import io.polygraph.train.AutoencoderModel;
import io.polygraph.train.AutoencoderTrainer;
import io.polygraph.train.InputScaling;
import io.polygraph.train.TrainingListener;
import io.polygraph.unsupervised.PcaReconstruction;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline detectors of one seed of {@link WorldBaselineExperiment}: each fitted on the
 * training blocks, thresholded on the calibration blocks, evaluated on the test blocks.
 *
 * <p>A single-modality detector is fitted on, and scores, only the records that have its modality;
 * a record without it gets {@link #NOTHING_TO_SAY}, the lowest score any of these detectors gives
 * (an angle or a squared error of 0): the detector has no evidence about it, and a detector that
 * cannot see a record must not rank it above records it can see. Those records still count, as
 * misses or as true negatives, because the comparison is over every transaction. The threshold is
 * chosen exactly as CMAD's calibration chooses epsilon: on the held-out entities' NORMAL records
 * ({@link ScoreCalibration#thresholdFor}), so that {@code targetAlertRate} of them would be
 * flagged.
 *
 * <p>Input scaling. PCA takes its rows as they are (tabular features as the encoding standardised
 * them, one-hot columns left 0/1; pixels in [0, 1]) and centres them itself. The single-modality
 * tabular autoencoders use {@link InputScaling#STANDARDISED}, the trainer's default, which also
 * scales the one-hot columns: with the angle score, leaving rare categories at 0/1 hid them (seed
 * 1, default world: transaction-only AUPRC 0.037 with RAW, 0.091 standardised). The signature and
 * the concatenated autoencoders use {@link InputScaling#RAW}: per-pixel standardisation blows a
 * stroke in a nearly blank pixel up to the clip bound (see {@link InputScaling}), and the
 * concatenation is already scaled by {@link ConcatenatedRows}; RAW still clips at the
 * standardizer's bound, which only touches the rarest ink there.
 */
final class BaselineDetectors {

    /** Score of a record a detector cannot see: below or equal to every score it gives. */
    static final double NOTHING_TO_SAY = 0.0;

    private static final Logger LOG = LoggerFactory.getLogger(BaselineDetectors.class);

    private final BaselineConfig config;
    private final double targetAlertRate;
    private final Set<String> positives;
    private final TrainingListener listener;

    BaselineDetectors(
            BaselineConfig config,
            double targetAlertRate,
            Set<String> positives,
            TrainingListener listener) {
        this.config = config;
        this.targetAlertRate = targetAlertRate;
        this.positives = Set.copyOf(positives);
        this.listener = listener;
    }

    /** One run per detector, keyed and ordered as {@link WorldBaselineExperiment#DETECTORS}. */
    Map<String, SeedRun> run(
            long seed, ModalityBlocks training, ModalityBlocks calibration, ModalityBlocks test) {
        Splits splits = new Splits(seed, training, calibration, test);
        Map<String, SeedRun> runs = new LinkedHashMap<>();
        ConcatenatedRows all = ConcatenatedRows.fit(training.blocks());
        for (Detector detector : detectors(seed, blocks -> all.rows(blocks.blocks()))) {
            runs.put(detector.name(), evaluate(detector, splits));
        }
        return runs;
    }

    private List<Detector> detectors(long seed, Function<ModalityBlocks, double[][]> all) {
        return List.of(
                new Detector(
                        WorldBaselineExperiment.AE_PROFILE,
                        ModalityBlocks::profile,
                        autoencoder(config.tabular(), InputScaling.STANDARDISED, seed)),
                new Detector(
                        WorldBaselineExperiment.AE_TRANSACTION,
                        ModalityBlocks::transaction,
                        autoencoder(config.tabular(), InputScaling.STANDARDISED, seed)),
                new Detector(
                        WorldBaselineExperiment.AE_SIGNATURE,
                        ModalityBlocks::presented,
                        autoencoder(config.signature(), InputScaling.RAW, seed)),
                new Detector(WorldBaselineExperiment.PCA_PROFILE, ModalityBlocks::profile, pca()),
                new Detector(
                        WorldBaselineExperiment.PCA_TRANSACTION,
                        ModalityBlocks::transaction,
                        pca()),
                new Detector(
                        WorldBaselineExperiment.PCA_SIGNATURE,
                        ModalityBlocks::presentedSmall,
                        pca()),
                new Detector(WorldBaselineExperiment.PCA_ALL, all, pca()),
                new Detector(
                        WorldBaselineExperiment.AE_ALL,
                        all,
                        autoencoder(config.concatenated(), InputScaling.RAW, seed)));
    }

    private SeedRun evaluate(Detector detector, Splits splits) {
        String name = detector.name();
        Function<ModalityBlocks, double[][]> block = detector.input();
        listener.onStage(name + ", seed " + splits.seed());
        long started = System.nanoTime();
        double[][] trainingRows = present(block.apply(splits.training()));
        if (trainingRows.length < 2) {
            throw new IllegalArgumentException(
                    name + ": only " + trainingRows.length + " training records have its input");
        }
        Fitted fitted = detector.fitter().fit(trainingRows);
        double[] calibrationScores = scores(fitted.scorer(), block.apply(splits.calibration()));
        for (int i = 0; i < calibrationScores.length; i++) {
            calibrationScores[i] = -calibrationScores[i];
        }
        // thresholdFor flags low consistency; negating twice flags the same share of high scores.
        double threshold = -ScoreCalibration.thresholdFor(calibrationScores, targetAlertRate);
        double[] testScores = scores(fitted.scorer(), block.apply(splits.test()));
        SeedRunBuilder builder =
                SeedRun.builder(splits.seed())
                        .scores(LabelledScores.of(testScores, splits.test().labels(), positives))
                        .threshold(threshold)
                        .wallTime(Duration.ofNanos(System.nanoTime() - started));
        if (fitted.losses().length > 0) {
            builder.trainingLoss(LossCurve.perEpoch("reconstruction loss", fitted.losses()));
        }
        LOG.info(
                "{}, seed {}: {} training rows, {} s",
                name,
                splits.seed(),
                trainingRows.length,
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return builder.build();
    }

    private Fitter autoencoder(AutoencoderConfig architecture, InputScaling scaling, long seed) {
        return rows -> {
            AutoencoderTrainer trainer =
                    AutoencoderTrainer.fittedTo(architecture.withSeed(seed), rows, scaling);
            double[] losses = trainer.train(rows, null, config.epochs(), listener);
            AutoencoderModel model = trainer.model();
            return new Fitted(model::scores, losses);
        };
    }

    private Fitter pca() {
        return rows -> {
            PcaReconstruction pca =
                    PcaReconstruction.fit(
                            rows, config.pcaVarianceShare(), config.pcaMaxComponents());
            LOG.info("Fitted {} on {} rows", pca, rows.length);
            return new Fitted(pca::scores, new double[0]);
        };
    }

    /** Scores of the rows that are present; {@link #NOTHING_TO_SAY} where a row is null. */
    private static double[] scores(Scorer scorer, double[][] rows) {
        double[] scores = new double[rows.length];
        double[][] present = present(rows);
        if (present.length == 0) {
            return scores;
        }
        double[] presentScores = scorer.scores(present);
        int k = 0;
        for (int i = 0; i < rows.length; i++) {
            scores[i] = rows[i] == null ? NOTHING_TO_SAY : presentScores[k++];
        }
        return scores;
    }

    private static double[][] present(double[][] rows) {
        return Arrays.stream(rows).filter(Objects::nonNull).toArray(double[][]::new);
    }

    /** Anomaly scores of rows, higher = more anomalous. */
    private interface Scorer {
        double[] scores(double[][] rows);
    }

    /** Fits a detector on the training rows of its input. */
    private interface Fitter {
        Fitted fit(double[][] rows);
    }

    /** A fitted detector and its loss per epoch (none for PCA). */
    private record Fitted(Scorer scorer, double[] losses) {}

    /** A baseline: its name, which input it reads from the blocks, and how it is fitted. */
    private record Detector(
            String name, Function<ModalityBlocks, double[][]> input, Fitter fitter) {}

    /** One seed's blocks. */
    private record Splits(
            long seed, ModalityBlocks training, ModalityBlocks calibration, ModalityBlocks test) {}
}
