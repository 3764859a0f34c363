package io.polygraph.train;

import io.polygraph.gan.mmoc.MmocTrainer;
import io.polygraph.gan.mmoc.MmocTraining;
import io.polygraph.mmoc.MmocDetectorType;
import io.polygraph.world.WorldJoin.LabelledRecord;
import java.util.List;
import java.util.Objects;

/**
 * Trains the {@code mmoc} detector on labelled world records and calibrates it on held-out
 * entities: MMOC-GAN ({@link MmocTrainer}) on the normal training rows, within the steps every
 * row-model trainer shares ({@link RowModelDetectorTraining}). Deterministic for a seed with
 * single-threaded ND4J.
 */
public final class MmocDetectorTrainer {

    private final MmocDetectorConfig config;

    public MmocDetectorTrainer(MmocDetectorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Trains, calibrates and evaluates a detector on {@code records}. */
    public MmocTrainingResult train(List<LabelledRecord> records, TrainingListener listener) {
        RowModelDetectorTraining.Outcome<MmocTraining> outcome =
                new RowModelDetectorTraining(
                                MmocDetectorType.ID,
                                MmocDetectorType.NETWORK,
                                MmocDetectorConfig.METHOD,
                                new RowModelDetectorTraining.Split(
                                        config.heldOutShare(),
                                        config.seed(),
                                        config.recentLimit(),
                                        config.targetAlertRate()))
                        .run(
                                records,
                                rows -> new MmocTrainer(config.gan()).train(rows, listener),
                                MmocTraining::model,
                                listener);
        return new MmocTrainingResult(
                outcome.detector(),
                config,
                outcome.trained(),
                outcome.report(),
                outcome.trainingRecords(),
                outcome.heldOutRecords(),
                outcome.duration());
    }
}
