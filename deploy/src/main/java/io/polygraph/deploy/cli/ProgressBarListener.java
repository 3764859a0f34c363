package io.polygraph.deploy.cli;

import io.polygraph.train.TrainingListener;
import io.polygraph.train.TrainingProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Draws training progress as a console progress bar (batches, rate, time left) with epoch, pair and
 * loss beside it. When a new training run starts on the same listener (an evaluation trains once
 * per seed), the finished bar is closed and a new one is drawn.
 */
final class ProgressBarListener implements TrainingListener, AutoCloseable {

    private ProgressBar bar;
    private long lastDone;
    private String stage = "";

    @Override
    public void onStage(String stage) {
        this.stage = stage;
        if (bar != null) {
            bar.setExtraMessage(stage);
        }
    }

    @Override
    public void onBatch(TrainingProgress progress) {
        if (bar != null && progress.batchesDone() < lastDone) {
            closeBar();
        }
        if (bar == null) {
            bar =
                    new ProgressBarBuilder()
                            .setTaskName("Training")
                            .setInitialMax(progress.totalBatches())
                            .setStyle(ProgressBarStyle.ASCII)
                            .setUpdateIntervalMillis(500)
                            .setUnit(" batches", 1)
                            .build();
        }
        lastDone = progress.batchesDone();
        bar.stepTo(lastDone);
        bar.setExtraMessage(
                String.format(
                        "epoch %d/%d %s loss %.3f",
                        progress.epoch(), progress.epochs(), progress.pair(), progress.loss()));
    }

    @Override
    public void close() {
        closeBar();
    }

    private void closeBar() {
        if (bar != null) {
            bar.setExtraMessage(stage);
            bar.close();
            bar = null;
        }
    }
}
