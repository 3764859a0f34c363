package io.polygraph.eval.run;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.RecordScore;
import io.polygraph.eval.EvaluationReport;
import io.polygraph.eval.LabelledScores;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.LossCurve;
import io.polygraph.eval.report.SeedRun;
import io.polygraph.eval.report.SeedRunBuilder;
import io.polygraph.fusion.DetectionHead;
import io.polygraph.train.BiganDetectorConfig;
import io.polygraph.train.BiganDetectorTrainer;
import io.polygraph.train.BiganTrainingResult;
import io.polygraph.train.CmadSequenceTrainer;
import io.polygraph.train.CmadTrainer;
import io.polygraph.train.FusionConfig;
import io.polygraph.train.FusionTrainer;
import io.polygraph.train.MmocDetectorConfig;
import io.polygraph.train.MmocDetectorTrainer;
import io.polygraph.train.MmocTrainingResult;
import io.polygraph.train.TrainerConfig;
import io.polygraph.train.TrainingListener;
import io.polygraph.train.TrainingResult;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import io.polygraph.world.WorldJoin;
import io.polygraph.world.WorldJoin.LabelledRecord;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * The synthetic world with all three modalities: train on one world, test on another world of new
 * customers (and new signature writers), as the job meets them.
 *
 * <p>Seed {@code s} trains on the world of seed {@code s + }{@value #TRAINING_SEED_OFFSET} with
 * trainer seed {@code s}, and tests on the world of seed {@code s}; the configured worlds give
 * everything else (size, days, signatures). Positives are the cross-modal types (signature and
 * behaviour mismatches); plain outliers are reported per type but are neither hits nor false
 * alarms, as in {@link EvaluationReport}. The threshold is the snapshot's, calibrated by the
 * trainer on its own held-out customers.
 *
 * <p>Detectors: CMAD and its K = 3 variant, DMAFN, and the one-class GANs on the concatenated row
 * (MMOC-GAN and IGMM-BiGAN, through the same snapshots the job loads). The CMAD family's and
 * DMAFN's loss curves come from their progress reports; the GANs' from their training results, one
 * curve per player.
 */
public final class WorldExperiment {

    /** Name of the detector in reports. */
    public static final String DETECTOR = "CMAD";

    /** Added to a run's seed to get its training world's seed. */
    public static final long TRAINING_SEED_OFFSET = 1000;

    private static final int SCORING_BATCH = 512;

    private final WorldConfig world;

    /**
     * @param world the worlds' configuration; its seed is replaced by each run's
     */
    public WorldExperiment(WorldConfig world) {
        this.world = Objects.requireNonNull(world, "world");
    }

    /** Trains and tests one CMAD detector per seed. */
    public DetectorEvaluation cmad(
            TrainerConfig config, List<Long> seeds, TrainingListener listener) {
        return cmadFamily(
                DETECTOR,
                config,
                seeds,
                (seeded, training, losses) -> new CmadTrainer(seeded).train(training, losses),
                listener);
    }

    /** Name of the K = 3 CMAD variant ({@code cmad-sequence}) in reports. */
    public static final String SEQUENCE_DETECTOR = "CMAD (K=3, LSTM history)";

    /**
     * Trains and tests one {@code cmad-sequence} detector per seed, on the same worlds and splits
     * as {@link #cmad}.
     */
    public DetectorEvaluation cmadSequence(
            TrainerConfig config, List<Long> seeds, TrainingListener listener) {
        return cmadFamily(
                SEQUENCE_DETECTOR,
                config,
                seeds,
                (seeded, training, losses) ->
                        new CmadSequenceTrainer(seeded).train(training, losses),
                listener);
    }

    /** Trains a detector of the CMAD family per seed, its configuration seeded with the run's. */
    private DetectorEvaluation cmadFamily(
            String name,
            TrainerConfig config,
            List<Long> seeds,
            CmadFamilyTrainer trainer,
            TrainingListener listener) {
        RunAttempts runs =
                runs(
                        seeds,
                        config.recentLimit(),
                        seed ->
                                (training, losses) ->
                                        new TrainedDetector(
                                                trainer.train(
                                                                config.withSeed(seed),
                                                                training,
                                                                losses)
                                                        .snapshot(),
                                                losses.curves()),
                        listener);
        return runs.evaluationOfConfigObject(name, config);
    }

    /** {@link CmadTrainer} or {@link CmadSequenceTrainer}, as one call. */
    @FunctionalInterface
    private interface CmadFamilyTrainer {
        TrainingResult train(
                TrainerConfig config, List<LabelledRecord> training, TrainingListener losses);
    }

    /** Trains and tests one DMAFN detector per seed. */
    public DetectorEvaluation dmafn(
            FusionConfig config, List<Long> seeds, TrainingListener listener) {
        RunAttempts runs =
                runs(
                        seeds,
                        config.recentLimit(),
                        seed ->
                                (training, losses) ->
                                        new TrainedDetector(
                                                new FusionTrainer(config.withSeed(seed))
                                                        .train(training, losses)
                                                        .snapshot(),
                                                losses.curves()),
                        listener);
        return runs.evaluationOfConfigObject(dmafnName(config), config);
    }

    /** Name of the MMOC-GAN detector ({@code mmoc}) in reports. */
    public static final String MMOC_DETECTOR = "MMOC-GAN";

    /** Name of the IGMM-BiGAN detector ({@code igmm-bigan}) in reports. */
    public static final String IGMM_BIGAN_DETECTOR = "IGMM-BiGAN";

    /**
     * Trains and tests one {@code mmoc} detector per seed, on the same worlds and splits as {@link
     * #cmad}; the loss curves are the discriminator's, the generator's and the target network's.
     */
    public DetectorEvaluation mmoc(
            MmocDetectorConfig config, List<Long> seeds, TrainingListener listener) {
        RunAttempts runs =
                runs(
                        seeds,
                        config.recentLimit(),
                        seed ->
                                (training, losses) -> {
                                    MmocTrainingResult result =
                                            new MmocDetectorTrainer(config.withSeed(seed))
                                                    .train(training, losses);
                                    return new TrainedDetector(
                                            result.snapshot(), GanLossCurves.of(result.training()));
                                },
                        listener);
        return runs.evaluationOfConfigObject(MMOC_DETECTOR, config);
    }

    /**
     * Trains and tests one {@code igmm-bigan} detector per seed, on the same worlds and splits as
     * {@link #cmad}; the loss curves are the discriminator's and the encoder/generator's.
     *
     * @throws IllegalArgumentException naming the detector and seed when no latent mixture cluster
     *     of a training world is larger than the mixture's minimum size (a world too small for the
     *     configured mixture): a detector without a model is not reported as a bad one
     */
    public DetectorEvaluation igmmBigan(
            BiganDetectorConfig config, List<Long> seeds, TrainingListener listener) {
        RunAttempts runs =
                runs(
                        seeds,
                        config.recentLimit(),
                        seed ->
                                (training, losses) -> {
                                    BiganTrainingResult result =
                                            trainIgmmBigan(config.withSeed(seed), training, losses);
                                    return new TrainedDetector(
                                            result.snapshot(), GanLossCurves.of(result.training()));
                                },
                        listener);
        return runs.evaluationOfConfigObject(IGMM_BIGAN_DETECTOR, config);
    }

    private static BiganTrainingResult trainIgmmBigan(
            BiganDetectorConfig config, List<LabelledRecord> training, TrainingListener losses) {
        try {
            return new BiganDetectorTrainer(config).train(training, losses);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    IGMM_BIGAN_DETECTOR
                            + ", seed "
                            + config.seed()
                            + " (training world "
                            + (config.seed() + TRAINING_SEED_OFFSET)
                            + ", "
                            + training.size()
                            + " records): "
                            + e.getMessage(),
                    e);
        }
    }

    /** One run per seed; a seed whose training diverged is a failed run, the others go on. */
    private RunAttempts runs(
            List<Long> seeds,
            int recentLimit,
            LongFunction<SnapshotTraining> trainingOfSeed,
            TrainingListener listener) {
        RunAttempts runs = new RunAttempts();
        for (long seed : seeds) {
            listener.onStage("seed " + seed);
            runs.run(seed, () -> run(seed, recentLimit, trainingOfSeed.apply(seed), listener));
        }
        return runs;
    }

    /** The report name of a DMAFN configuration, for example {@code DMAFN (attention, AE)}. */
    public static String dmafnName(FusionConfig config) {
        String head = config.head() == DetectionHead.AUTOENCODER ? "AE" : "classifier";
        return "DMAFN (" + config.mode().name().toLowerCase(Locale.ROOT) + ", " + head + ")";
    }

    /**
     * Trains a detector on labelled records and returns its snapshot with its loss curves, taken
     * from the recorder (the listener the trainer reports to) or from the trainer's own result.
     */
    @FunctionalInterface
    private interface SnapshotTraining {
        TrainedDetector train(List<LabelledRecord> training, EpochLossRecorder losses);
    }

    /** A trained detector's snapshot and the loss curves to report for it. */
    private record TrainedDetector(DetectorSnapshot snapshot, List<LossCurve> lossCurves) {}

    /**
     * One seed: trains on world {@code seed + offset}, loads the snapshot as the job would and
     * scores world {@code seed} at the snapshot's own threshold.
     */
    private SeedRun run(
            long seed, int recentLimit, SnapshotTraining training, TrainingListener listener) {
        long started = System.nanoTime();
        EpochLossRecorder losses = new EpochLossRecorder(listener);
        TrainedDetector trained =
                training.train(joined(seed + TRAINING_SEED_OFFSET, recentLimit), losses);
        DetectorSnapshot snapshot = trained.snapshot();
        listener.onStage("testing on world " + seed);
        List<LabelledRecord> test = joined(seed, recentLimit);
        double[] scores;
        try (BatchScorer detector = snapshot.newScorer()) {
            scores = scores(detector, test);
        }
        List<String> labels = test.stream().map(r -> r.label().getType().name()).toList();
        SeedRunBuilder builder =
                SeedRun.builder(seed)
                        .scores(LabelledScores.ofConsistency(scores, labels, positives()))
                        .threshold(-snapshot.modelInfo().threshold())
                        .wallTime(Duration.ofNanos(System.nanoTime() - started));
        for (LossCurve curve : trained.lossCurves()) {
            builder.trainingLoss(curve);
        }
        return builder.build();
    }

    private List<LabelledRecord> joined(long worldSeed, int recentLimit) {
        return WorldJoin.join(WorldGenerator.generate(world.withSeed(worldSeed)), recentLimit);
    }

    private static double[] scores(BatchScorer detector, List<LabelledRecord> test) {
        List<MultimodalRecord> records = test.stream().map(LabelledRecord::record).toList();
        double[] scores = new double[records.size()];
        for (int start = 0; start < records.size(); start += SCORING_BATCH) {
            List<RecordScore> batch =
                    detector.score(
                            records.subList(
                                    start, Math.min(records.size(), start + SCORING_BATCH)));
            for (int k = 0; k < batch.size(); k++) {
                scores[start + k] = batch.get(k).score();
            }
        }
        return scores;
    }

    private static Set<String> positives() {
        return EvaluationReport.CROSS_MODAL.stream().map(Enum::name).collect(Collectors.toSet());
    }
}
