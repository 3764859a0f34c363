package io.polygraph.eval.run;

import io.polygraph.data.ImageTagPair;
import io.polygraph.data.MnistSet;
import io.polygraph.data.MnistTagProtocol;
import io.polygraph.detector.ImageTagDetector;
import io.polygraph.eval.ConfusionCounts;
import io.polygraph.eval.LabelledScores;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.HeatMap;
import io.polygraph.eval.report.LossCurve;
import io.polygraph.eval.report.SeedRun;
import io.polygraph.train.ImageTagConfig;
import io.polygraph.train.ImageTagTrainer;
import io.polygraph.train.TrainingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The CMAD paper's MNIST image/tag experiment: train a CMAD detector on the training images with
 * tags of their own digits, then test it on pairs of unseen images ({@link
 * MnistTagProtocol#testPairs}: 1,019 with the right tag, 1,019 with a wrong one).
 *
 * <p>Each seed trains a fresh network (its initialisation, batches and held-out split follow the
 * seed) and draws its own test pairs, so that the spread over seeds covers both. Positives are the
 * pairs with a wrong tag ({@value #WRONG_TAG}); the others are {@link LabelledScores#NORMAL}. The
 * threshold is the trainer's epsilon, calibrated on held-out training images, never on test pairs.
 * The sensitivity sweep reproduces the paper's Fig. 2: one network per gamma, then precision and
 * recall of {@code cos < epsilon} on the test pairs for every epsilon of a grid.
 */
public final class ImageTagExperiment {

    /** Label of a test pair whose tag names another digit. */
    public static final String WRONG_TAG = "WRONG_TAG";

    /** Name of the detector in reports. */
    public static final String DETECTOR = "CMAD";

    private final List<float[]> trainImages;
    private final int[] trainDigits;
    private final MnistSet test;
    private final MnistTagProtocol protocol;
    private final int testPairsPerKind;

    /**
     * @param testPairsPerKind right-tag and wrong-tag test pairs, each ({@link
     *     MnistTagProtocol#TEST_PAIRS_PER_KIND} in the paper's protocol)
     */
    public ImageTagExperiment(
            MnistSet train, MnistSet test, MnistTagProtocol protocol, int testPairsPerKind) {
        Objects.requireNonNull(train, "train");
        // Copied out of the set once: every seed and every gamma of a sweep trains on them.
        this.trainImages = new ArrayList<>(train.size());
        this.trainDigits = new int[train.size()];
        for (int i = 0; i < train.size(); i++) {
            trainImages.add(train.image(i));
            trainDigits[i] = train.digit(i);
        }
        this.test = Objects.requireNonNull(test, "test");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.testPairsPerKind = testPairsPerKind;
    }

    /** Trains and tests one CMAD detector per seed. */
    public DetectorEvaluation cmad(
            ImageTagConfig config, List<Long> seeds, TrainingListener listener) {
        List<SeedRun> runs = new ArrayList<>();
        for (long seed : seeds) {
            listener.onStage("seed " + seed);
            long started = System.nanoTime();
            ImageTagTrainer.Result result = train(config.withSeed(seed), listener);
            List<ImageTagPair> pairs = protocol.testPairs(test, seed, testPairsPerKind);
            double[] cosines = cosines(result.detector(), pairs);
            runs.add(
                    SeedRun.builder(seed)
                            .scores(
                                    LabelledScores.ofConsistency(
                                            cosines, labels(pairs), positives()))
                            .threshold(-result.detector().epsilon())
                            .wallTime(Duration.ofNanos(System.nanoTime() - started))
                            .trainingLoss(
                                    LossCurve.perEpoch(
                                            "Eq. 8 loss",
                                            result.epochLosses().stream()
                                                    .mapToDouble(Double::doubleValue)
                                                    .toArray()))
                            .build());
        }
        return DetectorEvaluation.ofConfigObject(DETECTOR, config, runs);
    }

    /**
     * The paper's Fig. 2: precision and recall heat maps over gamma (rows) and epsilon (columns),
     * one network per gamma trained with {@code config}'s seed.
     */
    public List<HeatMap> sensitivity(
            ImageTagConfig config, double[] gammas, double[] epsilons, TrainingListener listener) {
        double[][] precision = new double[gammas.length][epsilons.length];
        double[][] recall = new double[gammas.length][epsilons.length];
        List<ImageTagPair> pairs = protocol.testPairs(test, config.seed(), testPairsPerKind);
        boolean[] positives = new boolean[pairs.size()];
        for (int i = 0; i < positives.length; i++) {
            positives[i] = !pairs.get(i).consistent();
        }
        for (int g = 0; g < gammas.length; g++) {
            listener.onStage(String.format("sweep: gamma %.1f", gammas[g]));
            ImageTagTrainer.Result result = train(config.withGamma(gammas[g]), listener);
            double[] cosines = cosines(result.detector(), pairs);
            for (int e = 0; e < epsilons.length; e++) {
                ConfusionCounts counts =
                        ConfusionCounts.belowThreshold(cosines, positives, epsilons[e]);
                precision[g][e] = counts.precision();
                recall[g][e] = counts.recall();
            }
        }
        return List.of(
                HeatMap.of("Precision", "epsilon", epsilons, "gamma", gammas, precision),
                HeatMap.of("Recall", "epsilon", epsilons, "gamma", gammas, recall));
    }

    private ImageTagTrainer.Result train(ImageTagConfig config, TrainingListener listener) {
        return new ImageTagTrainer(config).train(trainImages, trainDigits, protocol, listener);
    }

    private static double[] cosines(ImageTagDetector detector, List<ImageTagPair> pairs) {
        return detector.cosines(
                pairs.stream().map(ImageTagPair::image).toList(),
                pairs.stream().map(ImageTagPair::tag).toList());
    }

    private static List<String> labels(List<ImageTagPair> pairs) {
        return pairs.stream().map(p -> p.consistent() ? LabelledScores.NORMAL : WRONG_TAG).toList();
    }

    private static Set<String> positives() {
        return Set.of(WRONG_TAG);
    }
}
