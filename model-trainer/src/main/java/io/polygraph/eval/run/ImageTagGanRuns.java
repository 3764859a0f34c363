package io.polygraph.eval.run;

import io.polygraph.data.ImageTagPair;
import io.polygraph.data.MnistSet;
import io.polygraph.data.MnistTagProtocol;
import io.polygraph.detector.Quantiles;
import io.polygraph.detector.RowAnomalyModel;
import io.polygraph.eval.LabelledScores;
import io.polygraph.eval.report.LossCurve;
import io.polygraph.eval.report.SeedRun;
import io.polygraph.eval.report.SeedRunBuilder;
import io.polygraph.train.ImageTagConfig;
import io.polygraph.train.TrainingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One-class row models (the GAN detectors) in the MNIST image/tag protocol, one seed at a time:
 * train on right-tag rows ({@link ImageTagRows}), threshold on held-out right-tag rows, test on the
 * seed's right-tag and wrong-tag pairs, the same pairs {@link ImageTagExperiment#cmad} tests CMAD
 * on.
 *
 * <p>The protocol follows CMAD's trainer: the same share of training images is held out (a split
 * seeded by the run's seed), each image gets a fresh noisy tag of its own digit, and the threshold
 * flags the {@link ImageTagConfig#targetAlertRate()} share of the held-out rows. Labels are read to
 * build right-tag rows and to score the test, never to set the threshold.
 */
final class ImageTagGanRuns {

    /** Fits a row model on normal rows, seeded by a run's seed. */
    @FunctionalInterface
    interface RowModelFit {
        FittedRowModel fit(INDArray normalRows, long seed, TrainingListener listener);
    }

    /** A fitted model, higher scores more anomalous, and its loss curves to report. */
    record FittedRowModel(RowAnomalyModel model, List<LossCurve> lossCurves) {}

    private final List<float[]> trainImages;
    private final int[] trainDigits;
    private final MnistSet test;
    private final MnistTagProtocol protocol;
    private final int testPairsPerKind;

    ImageTagGanRuns(
            List<float[]> trainImages,
            int[] trainDigits,
            MnistSet test,
            MnistTagProtocol protocol,
            int testPairsPerKind) {
        this.trainImages = Objects.requireNonNull(trainImages, "trainImages");
        this.trainDigits = Objects.requireNonNull(trainDigits, "trainDigits");
        this.test = Objects.requireNonNull(test, "test");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.testPairsPerKind = testPairsPerKind;
    }

    /** Fits and tests one model per seed; a seed whose training diverged is a failed run. */
    RunAttempts runs(
            ImageTagConfig split, List<Long> seeds, RowModelFit fit, TrainingListener listener) {
        RunAttempts runs = new RunAttempts();
        for (long seed : seeds) {
            listener.onStage("seed " + seed);
            runs.run(seed, () -> run(split, seed, fit, listener));
        }
        return runs;
    }

    private SeedRun run(
            ImageTagConfig split, long seed, RowModelFit fit, TrainingListener listener) {
        long started = System.nanoTime();
        RightTagRows rows = rightTagRows(split.heldOutShare(), seed);
        FittedRowModel fitted = fit.fit(rows.training(), seed, listener);
        listener.onStage("calibrating on " + rows.heldOut().size(0) + " held-out images");
        double threshold =
                threshold(fitted.model().rawScores(rows.heldOut()), split.targetAlertRate());
        listener.onStage("testing");
        List<ImageTagPair> pairs = protocol.testPairs(test, seed, testPairsPerKind);
        double[] scores = fitted.model().rawScores(ImageTagRows.of(pairs));
        List<String> labels =
                pairs.stream()
                        .map(
                                p ->
                                        p.consistent()
                                                ? LabelledScores.NORMAL
                                                : ImageTagExperiment.WRONG_TAG)
                        .toList();
        SeedRunBuilder builder =
                SeedRun.builder(seed)
                        .scores(
                                LabelledScores.of(
                                        scores, labels, Set.of(ImageTagExperiment.WRONG_TAG)))
                        .threshold(threshold)
                        .wallTime(Duration.ofNanos(System.nanoTime() - started));
        fitted.lossCurves().forEach(builder::trainingLoss);
        return builder.build();
    }

    /** Right-tag rows of the training images: those trained on and those held out. */
    private record RightTagRows(INDArray training, INDArray heldOut) {}

    /**
     * Each training image with a fresh noisy tag of its own digit, about {@code heldOutShare} of
     * them held out, the choice seeded by {@code seed}.
     */
    private RightTagRows rightTagRows(double heldOutShare, long seed) {
        // Separate streams, so that the split does not change with how many tags are drawn.
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom heldOutChoice = root.split();
        SplittableRandom tagNoise = root.split();
        List<float[]> trainingImages = new ArrayList<>();
        List<float[]> trainingTags = new ArrayList<>();
        List<float[]> heldOutImages = new ArrayList<>();
        List<float[]> heldOutTags = new ArrayList<>();
        for (int i = 0; i < trainImages.size(); i++) {
            boolean heldOut = heldOutChoice.nextDouble() < heldOutShare;
            (heldOut ? heldOutImages : trainingImages).add(trainImages.get(i));
            (heldOut ? heldOutTags : trainingTags).add(protocol.tag(trainDigits[i], tagNoise));
        }
        if (heldOutImages.isEmpty() || trainingImages.size() < 2) {
            throw new IllegalArgumentException(
                    "too few images (" + trainImages.size() + ") to hold " + heldOutShare + " out");
        }
        return new RightTagRows(
                ImageTagRows.of(trainingImages, trainingTags),
                ImageTagRows.of(heldOutImages, heldOutTags));
    }

    /** The score above which {@code alertRate} of the held-out right-tag rows lie. */
    static double threshold(double[] heldOutScores, double alertRate) {
        double[] sorted = heldOutScores.clone();
        Arrays.sort(sorted);
        return Quantiles.of(sorted, 1 - alertRate);
    }
}
