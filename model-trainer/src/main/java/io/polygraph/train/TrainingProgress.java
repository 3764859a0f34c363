package io.polygraph.train;

import java.time.Duration;

/**
 * Where a training run stands, reported after every batch.
 *
 * @param pair the modality pair of the batch just trained, for example {@code profile~transaction}
 * @param epoch current epoch, 1-based
 * @param epochs number of epochs
 * @param batch batches done in the current epoch (both pairs), 1-based
 * @param batchesPerEpoch batches per epoch (both pairs)
 * @param loss mean Eq. 8 loss of the current pair over the current epoch so far
 * @param elapsed time since training started
 * @param estimatedRemaining estimated time until the last batch is done (calibration and evaluation
 *     take a few seconds more)
 */
public record TrainingProgress(
        String pair,
        int epoch,
        int epochs,
        int batch,
        int batchesPerEpoch,
        double loss,
        Duration elapsed,
        Duration estimatedRemaining) {

    /** Batches done over the whole run. */
    public long batchesDone() {
        return (long) (epoch - 1) * batchesPerEpoch + batch;
    }

    /** Batches of the whole run. */
    public long totalBatches() {
        return (long) epochs * batchesPerEpoch;
    }
}
