package io.polygraph.gan;

import io.polygraph.train.BatchArrays;
import io.polygraph.train.ProgressClock;
import io.polygraph.train.TrainingListener;
import io.polygraph.train.TrainingProgress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Epochs of alternating updates: each batch of real rows is shown to every player in turn, one Adam
 * step each, in the order given (usually the discriminator first, as in Goodfellow et al.).
 *
 * <p>Contract: an epoch is one pass over the rows in an order shuffled from the caller's seeded
 * stream, cut into batches by {@link BatchArrays#shuffledBatches} (a last batch of one row is
 * dropped). For each batch the {@link BatchFeed} makes the placeholders once; every player's step
 * then sees the same values (fresh noise per player, if wanted, is the feed's to put under
 * different placeholder names). Progress goes to the {@link TrainingListener} after every batch,
 * its loss being the first player's mean over the epoch so far. Runs on the caller's thread.
 *
 * <p>A run that diverges stops at the end of the first epoch in which a player's mean loss is not
 * finite, with a {@link TrainingDivergedException} naming {@code progressName} as the model (see
 * {@link DivergenceCheck}); that epoch's end is not reported to the listener.
 */
public final class AlternatingTraining {

    /** Makes the placeholders of one batch from the indices of its real rows. */
    @FunctionalInterface
    public interface BatchFeed {
        Map<String, INDArray> placeholders(int[] rows);
    }

    private final AdversarialGraph game;
    private final List<Player> order;
    private final int batchSize;
    private final String progressName;

    /**
     * @param order the players, in the order they step on each batch
     * @param progressName the {@link TrainingProgress#pair()} of the reported progress
     */
    public AlternatingTraining(
            AdversarialGraph game, List<Player> order, int batchSize, String progressName) {
        this.game = Objects.requireNonNull(game, "game");
        this.order = List.copyOf(order);
        this.batchSize = batchSize;
        this.progressName = Objects.requireNonNull(progressName, "progressName");
        if (this.order.isEmpty()) {
            throw new IllegalArgumentException("no player to train");
        }
    }

    /**
     * Trains {@code epochs} epochs over rows {@code 0 .. rowCount - 1}.
     *
     * @throws TrainingDivergedException at the end of the first epoch with a non-finite mean loss
     */
    public EpochLosses run(
            int rowCount,
            int epochs,
            BatchFeed feed,
            SplittableRandom random,
            TrainingListener listener) {
        if (rowCount < 2) {
            throw new IllegalArgumentException("need at least 2 rows to train on, got " + rowCount);
        }
        int[] rows = IntStream.range(0, rowCount).toArray();
        ProgressClock clock = new ProgressClock();
        double[][] means = new double[order.size()][epochs];
        for (int epoch = 1; epoch <= epochs; epoch++) {
            List<int[]> batches = BatchArrays.shuffledBatches(rows, batchSize, random);
            double[] sums = new double[order.size()];
            TrainingProgress progress = null;
            for (int b = 0; b < batches.size(); b++) {
                Map<String, INDArray> placeholders = feed.placeholders(batches.get(b));
                for (int p = 0; p < order.size(); p++) {
                    sums[p] += game.step(order.get(p), placeholders);
                }
                clock.tick(progressName);
                long left = (long) (epochs - epoch) * batches.size() + batches.size() - b - 1;
                progress =
                        new TrainingProgress(
                                progressName,
                                epoch,
                                epochs,
                                b + 1,
                                batches.size(),
                                sums[0] / (b + 1),
                                clock.elapsed(),
                                clock.remaining(Map.of(progressName, left)));
                listener.onBatch(progress);
            }
            for (int p = 0; p < order.size(); p++) {
                means[p][epoch - 1] = sums[p] / batches.size();
            }
            DivergenceCheck.epochLosses(progressName, order, means, epoch);
            listener.onEpochEnd(progress);
        }
        return new EpochLosses(order, means);
    }
}
