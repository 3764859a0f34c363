package io.polygraph.train;

import io.polygraph.features.Standardizer;
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
 * Trains a dense autoencoder ({@link AutoencoderConfig}) with Adam, in as many calls as the caller
 * likes, each on a subset of rows.
 *
 * <p>Contract: the trainer owns one training graph; every {@link #train} call continues from the
 * current weights and Adam moments, on the rows its mask selects, for the given number of epochs,
 * so DUAD can train r epochs, re-select, and go on with the same network. Inputs are scaled with
 * the {@link Standardizer} given at construction ({@link InputScaling} fits one), fixed for the
 * trainer's life: changing it between calls would move every input under a trained network. {@link
 * #model()} copies the current weights into a dropout-free inference graph; training further does
 * not change a model already taken. Runs on the caller's thread; deterministic for a seed and
 * single-threaded ND4J. Not thread-safe.
 *
 * <p>Usage: {@code AutoencoderTrainer t = AutoencoderTrainer.fittedTo(config, x); t.train(x, null,
 * 30, TrainingListener.NONE); double[] scores = t.model().scores(x);}
 */
public final class AutoencoderTrainer {

    /** The {@link TrainingProgress#pair()} of the autoencoder's batches. */
    public static final String PROGRESS_NAME = "autoencoder";

    private final AutoencoderConfig config;
    private final Standardizer standardizer;
    private final SameDiff graph;
    private final SplittableRandom random;
    private final LossRecorder lossRecorder = LossRecorder.ofTerms(AutoencoderGraphs.SQUARED_ERROR);
    private int epochsTrained;

    public AutoencoderTrainer(AutoencoderConfig config, Standardizer standardizer) {
        this.config = Objects.requireNonNull(config, "config");
        this.standardizer = Objects.requireNonNull(standardizer, "standardizer");
        this.graph = AutoencoderGraphs.training(standardizer.width(), config);
        this.random = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
    }

    /** A trainer whose inputs are standardised as fitted on all rows of {@code x}. */
    public static AutoencoderTrainer fittedTo(AutoencoderConfig config, double[][] x) {
        return fittedTo(config, x, InputScaling.STANDARDISED);
    }

    /** A trainer whose input scaling is fitted on all rows of {@code x}. */
    public static AutoencoderTrainer fittedTo(
            AutoencoderConfig config, double[][] x, InputScaling scaling) {
        return new AutoencoderTrainer(config, scaling.fit(x));
    }

    /**
     * Trains {@code epochs} more epochs on the rows of {@code x} where {@code rows} is true (all
     * rows when {@code rows} is null).
     *
     * @return the mean reconstruction loss of each epoch
     * @throws IllegalArgumentException when fewer than two rows are selected
     */
    public double[] train(double[][] x, boolean[] rows, int epochs, TrainingListener listener) {
        ConfigChecks.atLeast("epochs", epochs, 1);
        Objects.requireNonNull(listener, "listener");
        int[] selected = selectedRows(x.length, rows);
        float[][] input = AutoencoderModel.scaled(standardizer, x);
        EpochPlan plan = new EpochPlan(epochs, batchCount(selected.length), new ProgressClock());
        double[] losses = new double[epochs];
        for (int epoch = 1; epoch <= epochs; epoch++) {
            losses[epoch - 1] = trainEpoch(input, selected, epoch, plan, listener);
            epochsTrained++;
        }
        return losses;
    }

    /** The rows of {@code x} scaled as the network sees them (clipped, see Standardizer). */
    public double[][] scaled(double[][] x) {
        float[][] rows = AutoencoderModel.scaled(standardizer, x);
        double[][] result = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            result[i] = new double[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                result[i][j] = rows[i][j];
            }
        }
        return result;
    }

    private double trainEpoch(
            float[][] input, int[] selected, int epoch, EpochPlan plan, TrainingListener listener) {
        List<int[]> batches = BatchArrays.shuffledBatches(selected, config.batchSize(), random);
        double lossSum = 0;
        TrainingProgress progress = null;
        for (int b = 0; b < batches.size(); b++) {
            graph.fit(batch(input, batches.get(b)), lossRecorder);
            lossSum += lossRecorder.lastLoss();
            plan.clock().tick(PROGRESS_NAME);
            long left = (long) (plan.epochs() - epoch) * plan.batches() + batches.size() - b - 1;
            progress =
                    new TrainingProgress(
                            PROGRESS_NAME,
                            epoch,
                            plan.epochs(),
                            b + 1,
                            batches.size(),
                            lossSum / (b + 1),
                            plan.clock().elapsed(),
                            plan.clock().remaining(Map.of(PROGRESS_NAME, left)));
            listener.onBatch(progress);
        }
        listener.onEpochEnd(progress);
        return lossSum / batches.size();
    }

    /** Batches per epoch: {@link BatchArrays#shuffledBatches} drops a last batch of one row. */
    private int batchCount(int rows) {
        return rows / config.batchSize() + (rows % config.batchSize() >= 2 ? 1 : 0);
    }

    /** An inference model holding the current weights; later training does not change it. */
    public AutoencoderModel model() {
        SameDiff inference = AutoencoderGraphs.inference(standardizer.width(), config);
        PairGraphs.transferWeights(graph, inference);
        return new AutoencoderModel(inference, standardizer, config.bottleneck());
    }

    /** The input scaling, fixed at construction. */
    public Standardizer standardizer() {
        return standardizer;
    }

    /** Epochs trained so far, over all calls. */
    public int epochsTrained() {
        return epochsTrained;
    }

    /** The configuration. */
    public AutoencoderConfig config() {
        return config;
    }

    private MultiDataSet batch(float[][] input, int[] rows) {
        float[][] features = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            features[i] = input[rows[i]];
        }
        int[] dropWidths = config.dropWidths();
        INDArray[] arrays = new INDArray[1 + dropWidths.length];
        arrays[0] = Nd4j.createFromArray(features);
        for (int i = 0; i < dropWidths.length; i++) {
            arrays[1 + i] =
                    BatchArrays.dropoutMask(rows.length, dropWidths[i], config.dropout(), random);
        }
        return new MultiDataSet(arrays, new INDArray[0]);
    }

    private static int[] selectedRows(int count, boolean[] rows) {
        if (rows != null && rows.length != count) {
            throw new IllegalArgumentException(
                    "row mask has " + rows.length + " entries for " + count + " rows");
        }
        int[] selected = IntStream.range(0, count).filter(i -> rows == null || rows[i]).toArray();
        if (selected.length < 2) {
            throw new IllegalArgumentException(
                    "need at least 2 rows to train on, got " + selected.length);
        }
        return selected;
    }

    /** The shape of one {@link #train} call, for progress reports. */
    private record EpochPlan(int epochs, int batches, ProgressClock clock) {}
}
