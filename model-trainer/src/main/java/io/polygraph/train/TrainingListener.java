package io.polygraph.train;

/**
 * Receives the progress of a training run, for example to draw a progress bar.
 *
 * <p>Called on the training thread, synchronously: keep implementations quick (a progress bar
 * update, a log line), or training slows down. All methods have empty defaults; {@link #NONE}
 * ignores everything.
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {};

    /** A stage of the run begins, for example "encoding features" or "calibrating". */
    default void onStage(String stage) {}

    /** A batch has been trained. */
    default void onBatch(TrainingProgress progress) {}

    /** An epoch has ended; {@code progress} describes its last batch. */
    default void onEpochEnd(TrainingProgress progress) {}
}
