package io.polygraph.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.polygraph.data.TagSampler;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.FeatureArrays;
import io.polygraph.detector.ImageTagDetector;
import io.polygraph.detector.PairNetwork;
import io.polygraph.detector.SnapshotJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a CMAD detector on (image, tag) pairs with the Eq. 8 loss, and calibrates its epsilon.
 *
 * <p>Consistent pairs: each training image with a tag of its own class. Inconsistent pairs
 * (negative sampling): each image with a tag of another class drawn uniformly, and every image
 * against the other classes' tags in its batch ({@link ImageTagArchitecture}). A share of the
 * images ({@link ImageTagConfig#heldOutShare()}) is kept out of training; epsilon is the {@link
 * ImageTagConfig#targetAlertRate()} quantile of their consistent pairs' cosines, so that no label
 * of a test pair is ever read. Runs on the caller's thread; not reentrant.
 */
public final class ImageTagTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ImageTagTrainer.class);
    private static final String PAIR = "image~tag";

    private final ImageTagConfig config;

    public ImageTagTrainer(ImageTagConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** What a run produced: the calibrated detector and the mean loss of each epoch. */
    public record Result(ImageTagDetector detector, List<Double> epochLosses, Duration duration) {}

    /**
     * Trains on {@code images} (row-major pixels in [0, 1], square) with class {@code labels}.
     *
     * @throws IllegalArgumentException when the sizes disagree or there are fewer than two classes
     */
    public Result train(
            List<float[]> images, int[] labels, TagSampler tags, TrainingListener listener) {
        long started = System.nanoTime();
        ImageSplit split = ImageSplit.of(images, labels, config.heldOutShare(), config.seed());
        ImageTagArchitecture architecture = new ImageTagArchitecture(tags.width());
        SameDiff graph =
                PairGraphs.training(architecture, config, config.learningRate(), config.seed());
        SplittableRandom random = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        listener.onStage("training");
        List<Double> losses = runEpochs(split, tags, architecture, graph, random, listener);
        listener.onStage("calibrating");
        PairNetwork network = PairGraphs.toInference(architecture, graph);
        ImageTagDetector uncalibrated =
                new ImageTagDetector(network, ImageTagArchitecture.SIDE, tags.width(), 0.0);
        double epsilon = calibrate(uncalibrated, split, tags, random);
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        LOG.info(
                "Trained the image~tag pair on {} images in {} s; epsilon {}",
                split.trainingLabels().length,
                duration.toSeconds(),
                String.format("%.4f", epsilon));
        return new Result(uncalibrated.withEpsilon(epsilon), List.copyOf(losses), duration);
    }

    /**
     * The result's detector as a {@code cmad-image-tag} snapshot, with this trainer's configuration
     * and the run's losses and duration in its manifest.
     */
    public DetectorSnapshot snapshotOf(Result result) {
        ObjectNode training = SnapshotJson.mapper().valueToTree(config);
        training.putPOJO("epochLosses", result.epochLosses());
        training.put("trainingSeconds", result.duration().toMillis() / 1000.0);
        return result.detector()
                .toSnapshot(config.targetAlertRate(), SnapshotJson.canonicalTree(training), null);
    }

    private List<Double> runEpochs(
            ImageSplit split,
            TagSampler tags,
            ImageTagArchitecture architecture,
            SameDiff graph,
            SplittableRandom random,
            TrainingListener listener) {
        int[] rows = new int[split.trainingLabels().length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        SinglePairLoop.BatchSource<int[]> source =
                new SinglePairLoop.BatchSource<>() {
                    @Override
                    public List<int[]> epoch(SplittableRandom random) {
                        return BatchArrays.shuffledBatches(rows, config.batchSize(), random);
                    }

                    @Override
                    public MultiDataSet arrays(int[] batch, SplittableRandom random) {
                        return batch(batch, split, tags, architecture, random);
                    }
                };
        return new SinglePairLoop<int[]>(PAIR, config.epochs(), listener)
                .run(graph, source, random);
    }

    private MultiDataSet batch(
            int[] rows,
            ImageSplit split,
            TagSampler tags,
            ImageTagArchitecture architecture,
            SplittableRandom random) {
        ImageShift shift = new ImageShift(ImageTagArchitecture.SIDE, config.maxShift());
        List<float[]> images = new ArrayList<>(rows.length);
        List<float[]> own = new ArrayList<>(rows.length);
        List<float[]> other = new ArrayList<>(rows.length);
        int[] classes = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int label = split.trainingLabels()[rows[k]];
            images.add(shift.apply(split.trainingImages().get(rows[k]), random));
            own.add(tags.tag(label, random));
            other.add(tags.tag(split.otherLabel(label, random), random));
            classes[k] = label;
        }
        return BatchArrays.pack(
                FeatureArrays.rows(images, architecture.shapeA()),
                FeatureArrays.rows(own, architecture.shapeB()),
                FeatureArrays.rows(other, architecture.shapeB()),
                classes,
                architecture,
                config.dropout(),
                random);
    }

    private double calibrate(
            ImageTagDetector detector, ImageSplit split, TagSampler tags, SplittableRandom random) {
        List<float[]> heldOutTags = new ArrayList<>();
        for (int label : split.heldOutLabels()) {
            heldOutTags.add(tags.tag(label, random));
        }
        double[] cosines = detector.cosines(split.heldOutImages(), heldOutTags);
        Arrays.sort(cosines);
        int index = (int) Math.floor(config.targetAlertRate() * cosines.length);
        return cosines[Math.min(index, cosines.length - 1)];
    }
}
