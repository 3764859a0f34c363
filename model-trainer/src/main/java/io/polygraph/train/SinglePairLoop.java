package io.polygraph.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Runs the epochs of a training that has one modality pair only (the image-tag protocol, the real
 * signature protocol): every batch one Adam step, progress reported after every batch, the mean
 * loss of every epoch returned.
 *
 * <p>Batches are drawn afresh each epoch from the run's seeded stream, first the epoch's plan, then
 * each batch's arrays as it is trained, so that only one batch is in memory at a time.
 *
 * @param <B> what identifies one batch of the plan (row indices, pairs of images)
 */
final class SinglePairLoop<B> {

    /** Where batches come from. */
    interface BatchSource<B> {

        /** The batches of one epoch, shuffled. */
        List<B> epoch(SplittableRandom random);

        /** The training inputs of one batch, in {@link PairGraphs#TRAINING_INPUTS} order. */
        MultiDataSet arrays(B batch, SplittableRandom random);
    }

    private final String pair;
    private final int epochs;
    private final TrainingListener listener;

    /**
     * @param pair the pair's name in progress reports
     * @param epochs passes to run
     * @param listener receives every batch's and every epoch's progress
     */
    SinglePairLoop(String pair, int epochs, TrainingListener listener) {
        this.pair = pair;
        this.epochs = epochs;
        this.listener = listener;
    }

    /** Trains {@code graph} in place; returns the mean loss of each epoch. */
    List<Double> run(SameDiff graph, BatchSource<B> source, SplittableRandom random) {
        LossRecorder recorder = new LossRecorder(PairGraphs.LOSS);
        ProgressClock clock = new ProgressClock();
        List<Double> losses = new ArrayList<>();
        TrainingProgress last = null;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            List<B> batches = source.epoch(random);
            double lossSum = 0;
            for (int b = 0; b < batches.size(); b++) {
                graph.fit(source.arrays(batches.get(b), random), recorder);
                lossSum += recorder.lastLoss();
                clock.tick(pair);
                long left = (long) (epochs - epoch) * batches.size() + batches.size() - b;
                last =
                        new TrainingProgress(
                                pair,
                                epoch,
                                epochs,
                                b + 1,
                                batches.size(),
                                lossSum / (b + 1),
                                clock.elapsed(),
                                clock.remaining(Map.of(pair, left - 1)));
                listener.onBatch(last);
            }
            losses.add(lossSum / Math.max(1, batches.size()));
            if (last != null) {
                listener.onEpochEnd(last);
            }
        }
        return losses;
    }
}
