package io.polygraph.eval.run;

import io.polygraph.data.MnistSet;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.LossCurve;
import io.polygraph.eval.report.SeedRun;
import io.polygraph.gan.bigan.BiganConfig;
import io.polygraph.gan.bigan.BiganModel;
import io.polygraph.gan.bigan.BiganScores;
import io.polygraph.gan.bigan.BiganTrainer;
import io.polygraph.gan.bigan.BiganTraining;
import io.polygraph.gan.mmoc.MmocConfig;
import io.polygraph.gan.mmoc.MmocTrainer;
import io.polygraph.gan.mmoc.MmocTraining;
import io.polygraph.mixture.MixtureConfig;
import io.polygraph.train.InputScaling;
import io.polygraph.train.TrainingListener;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * MNIST leave-one-digit-out, the IGMM-GAN paper's protocol: for each digit, train on the other nine
 * digits (an 80/20 split of their images) and test on the held-out 20 % plus every image of the
 * digit as anomalies. A detector's runs are its folds, one per held-out digit ({@link
 * SeedRun#seed()} holds the digit), so its mean AUROC in the report is the mean over the digits.
 *
 * <p>Two families, each trained once per fold on the same split:
 *
 * <ul>
 *   <li>{@link #bigan}: one IGMM-BiGAN training gives three detectors, as the paper compares them
 *       in one run: the mixture score (minimum Mahalanobis distance of {@code E(x)} to the kept
 *       clusters), EGBAD's score {@code alpha ||x - G(E(x))|| + (1 - alpha) CE(D)}, and a single
 *       Gaussian's Mahalanobis distance in the same latent space;
 *   <li>{@link #mmoc}: one MMOC-GAN per number of latent codes {@code m} (the paper's sweep), the
 *       discriminator's {@code 1 - P(real)} as the score.
 * </ul>
 *
 * <p>Thresholds never read test labels: each detector flags the {@code alertRate} share of its own
 * training rows that score highest ({@link TrainingQuantileEvaluation}); AUROC and AUPRC do not
 * depend on it. Pixels are fed raw (in [0, 1]), as {@link ContaminationExperiment} explains:
 * standardising near-constant border pixels blows them up.
 */
public final class LeaveOneDigitOutExperiment {

    /** What tells a detector's runs apart in this protocol's report. */
    public static final String RUN_LABEL = "held-out digit";

    /** Share of the other digits' images that train; the rest are normal test rows. */
    public static final double TRAINING_SHARE = 0.8;

    /** Report name of the IGMM-BiGAN mixture score. */
    public static final String IGMM = "IGMM-BiGAN (mixture)";

    /** Report name of the EGBAD score of the same BiGAN. */
    public static final String EGBAD = "EGBAD (same BiGAN)";

    /** Report name of the single Gaussian's distance in the same latent space. */
    public static final String SINGLE_GAUSSIAN = "Single Gaussian (same latent space)";

    /**
     * The IGMM-BiGAN of this protocol: the library's networks ({@link BiganConfig#defaults()}:
     * hidden 128, latent 16) on raw pixels, Adam at {@code 1e-4} for 100 epochs (about 7,200 steps
     * on the 7,200 training images of a fold), and the paper's MNIST mixture values in units of the
     * codes' spread ({@link MixtureConfig#scaleToUnitVariance()}). The library's {@code 1e-5} is
     * the value for long runs; at 20 epochs it leaves the encoder close to its
     * initialisation. The length was chosen on the training codes alone, never on test scores: the
     * BiGAN's encoder is to map the data onto its {@code N(0, I)} prior, and on a probe (2,172
     * training images) its codes' standard deviation per column was 0.12 after 440 steps and 1.39
     * after 6,600 (column means up to 2.3). The paper's {@code s = 7} is stated for codes on the
     * prior's scale; in the units of under-trained codes it is wider than the whole cloud (the
     * probe's mixture kept one cluster there until 6,600 steps), hence the unit variance. README.md
     * gives the measured AUROCs.
     */
    public static final BiganConfig DEFAULT_BIGAN =
            BiganConfig.builder()
                    .inputScaling(InputScaling.RAW)
                    .learningRate(1e-4)
                    .epochs(100)
                    .mixture(MixtureConfig.defaults().withScaleToUnitVariance(true))
                    .build();

    /**
     * The MMOC-GAN of this protocol: the paper's sizes ({@link MmocConfig#defaults()}) on raw
     * pixels, 20 epochs; {@code m} is set per run of the sweep.
     */
    public static final MmocConfig DEFAULT_MMOC =
            MmocConfig.builder().inputScaling(InputScaling.RAW).epochs(20).build();

    private final MnistSet images;
    private final List<Integer> digits;
    private final double alertRate;
    private final long seed;

    /**
     * @param images the pool every fold is drawn from
     * @param digits the digits to hold out, one fold each
     * @param alertRate share of training rows each detector flags, sets its threshold
     * @param seed shuffles the splits (each fold its own stream) and seeds every training
     */
    public LeaveOneDigitOutExperiment(
            MnistSet images, List<Integer> digits, double alertRate, long seed) {
        this.images = Objects.requireNonNull(images, "images");
        this.digits = List.copyOf(digits);
        if (this.digits.isEmpty()) {
            throw new IllegalArgumentException("no digit to hold out");
        }
        if (!(alertRate > 0 && alertRate < 0.5)) {
            throw new IllegalArgumentException("alert rate must be in (0, 0.5): " + alertRate);
        }
        this.alertRate = alertRate;
        this.seed = seed;
    }

    /**
     * Trains one IGMM-BiGAN per fold and reports its three scores as three detectors: {@link
     * #IGMM}, {@link #EGBAD} and {@link #SINGLE_GAUSSIAN}, in that order. The loss curves (and the
     * kept clusters per digit, in the configuration) are on the mixture's entry.
     */
    public List<DetectorEvaluation> bigan(BiganConfig config, TrainingListener listener) {
        RunAttempts igmm = new RunAttempts();
        RunAttempts egbad = new RunAttempts();
        RunAttempts gaussian = new RunAttempts();
        Map<String, Integer> keptClusters = new LinkedHashMap<>();
        for (int digit : digits) {
            listener.onStage("IGMM-BiGAN, digit " + digit + " held out");
            DigitHoldout fold = fold(digit);
            TrainingQuantileEvaluation evaluation = evaluation(fold);
            long started = System.nanoTime();
            // One training serves the three scores; a divergence fails all three runs.
            TrainedOnce<BiganTraining> training =
                    new TrainedOnce<>(
                            () ->
                                    new BiganTrainer(config.toBuilder().seed(seed).build())
                                            .train(
                                                    Nd4j.createFromArray(fold.training()),
                                                    listener));
            // The three scores come out of one pass through the networks per row set.
            ScoresByRows scores = new ScoresByRows(training);
            boolean trained =
                    igmm.run(
                            digit,
                            () ->
                                    evaluation.run(
                                            rows -> scores.of(rows).igmm(),
                                            losses(training.get()),
                                            started));
            egbad.run(
                    digit,
                    () -> evaluation.run(rows -> scores.of(rows).egbad(), List.of(), started));
            gaussian.run(
                    digit,
                    () ->
                            evaluation.run(
                                    rows -> scores.of(rows).singleGaussian(), List.of(), started));
            if (trained) {
                keptClusters.put(
                        String.valueOf(digit), training.get().model().mixture().clusters().size());
            }
        }
        Map<String, Object> mixtureConfig = config(config);
        mixtureConfig.put("score", "minimum Mahalanobis distance of E(x) to the kept clusters");
        mixtureConfig.put("keptClustersPerDigit", keptClusters);
        Map<String, Object> egbadConfig = config(config);
        egbadConfig.put(
                "score",
                "alpha ||x - G(E(x))|| + (1 - alpha) CE(D(x, E(x))), alpha "
                        + config.egbadWeight());
        Map<String, Object> gaussianConfig = config(config);
        gaussianConfig.put("score", "Mahalanobis distance of E(x) to one Gaussian of the codes");
        return List.of(
                igmm.evaluation(IGMM, mixtureConfig),
                egbad.evaluation(EGBAD, egbadConfig),
                gaussian.evaluation(SINGLE_GAUSSIAN, gaussianConfig));
    }

    /**
     * Trains one MMOC-GAN per fold and per number of latent codes in {@code codes}, reported as one
     * detector per {@code m} (named by {@link #mmocName}), in the order given. A fold whose
     * training diverged is a failed run of its detector.
     */
    public List<DetectorEvaluation> mmoc(
            MmocConfig config, List<Integer> codes, TrainingListener listener) {
        List<DetectorEvaluation> detectors = new ArrayList<>();
        for (int m : codes) {
            MmocConfig withCodes = config.toBuilder().codes(m).seed(seed).build();
            RunAttempts runs = new RunAttempts();
            for (int digit : digits) {
                listener.onStage("MMOC-GAN, m = " + m + ", digit " + digit + " held out");
                DigitHoldout fold = fold(digit);
                runs.run(
                        digit,
                        () -> {
                            long started = System.nanoTime();
                            MmocTraining training =
                                    new MmocTrainer(withCodes)
                                            .train(Nd4j.createFromArray(fold.training()), listener);
                            return evaluation(fold)
                                    .run(
                                            scorer(training.model()::rawScores),
                                            losses(training),
                                            started);
                        });
            }
            Map<String, Object> mmocConfig = config(withCodes);
            mmocConfig.put("score", "1 - P(real) of the discriminator");
            detectors.add(runs.evaluation(mmocName(m), mmocConfig));
        }
        return detectors;
    }

    private static List<LossCurve> losses(BiganTraining training) {
        return List.of(
                LossCurve.perEpoch("discriminator", training.discriminatorLosses()),
                LossCurve.perEpoch("encoder/generator", training.encoderGeneratorLosses()));
    }

    private static List<LossCurve> losses(MmocTraining training) {
        return List.of(
                LossCurve.perEpoch("discriminator", training.discriminatorLosses()),
                LossCurve.perEpoch("generator", training.generatorLosses()),
                LossCurve.perEpoch("target network", training.targetLosses()));
    }

    /** The report name of MMOC-GAN with {@code m} latent codes. */
    public static String mmocName(int m) {
        return "MMOC-GAN (m = " + m + ")";
    }

    private DigitHoldout fold(int digit) {
        // Each fold its own split stream, so adding a digit to the run changes no other fold.
        return DigitHoldout.of(images, digit, TRAINING_SHARE, seed * 31 + digit);
    }

    private TrainingQuantileEvaluation evaluation(DigitHoldout fold) {
        return new TrainingQuantileEvaluation(
                fold.digit(),
                fold.training(),
                alertRate,
                fold.test(),
                fold.testLabels(),
                Set.of(DigitHoldout.HELD_OUT_DIGIT));
    }

    private static TrainingQuantileEvaluation.Scorer scorer(Function<INDArray, double[]> score) {
        return rows -> score.apply(Nd4j.createFromArray(rows));
    }

    private Map<String, Object> config(Object trainer) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("trainer", trainer.toString());
        config.put("trainingShare", TRAINING_SHARE);
        config.put("alertRate", alertRate);
        config.put("seed", seed);
        config.put("images", images.size());
        return config;
    }

    /**
     * Every score of a BiGAN on a set of rows, computed once ({@link BiganModel#scores}) and read
     * by the three detectors of the fold; the fold passes the same training and test arrays to
     * each.
     */
    private static final class ScoresByRows {
        private final Supplier<BiganTraining> training;
        private final Map<double[][], BiganScores> scores = new IdentityHashMap<>();

        ScoresByRows(Supplier<BiganTraining> training) {
            this.training = training;
        }

        BiganScores of(double[][] rows) {
            return scores.computeIfAbsent(
                    rows, r -> training.get().model().scores(Nd4j.createFromArray(r)));
        }
    }

    /**
     * A training run at most once, however many detectors read it: the first {@link #get} trains,
     * later ones return the result, or rethrow the failure, of that one run.
     */
    private static final class TrainedOnce<T> implements Supplier<T> {
        private final Supplier<T> training;
        private T result;
        private RuntimeException failure;

        TrainedOnce(Supplier<T> training) {
            this.training = training;
        }

        @Override
        public T get() {
            if (result == null && failure == null) {
                try {
                    result = training.get();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
