package io.polygraph.train;

import io.polygraph.bigan.BiganDetectorType;
import io.polygraph.gan.bigan.BiganTrainer;
import io.polygraph.gan.bigan.BiganTraining;
import io.polygraph.world.WorldJoin.LabelledRecord;
import java.util.List;
import java.util.Objects;

/**
 * Trains the {@code igmm-bigan} detector on labelled world records and calibrates it on held-out
 * entities: IGMM-BiGAN ({@link BiganTrainer}) on the normal training rows, within the steps every
 * row-model trainer shares ({@link RowModelDetectorTraining}). Deterministic for a seed with
 * single-threaded ND4J.
 */
public final class BiganDetectorTrainer {

    private final BiganDetectorConfig config;

    public BiganDetectorTrainer(BiganDetectorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Trains, calibrates and evaluates a detector on {@code records}.
     *
     * @throws IllegalArgumentException when there are fewer than 2 normal training records, or no
     *     mixture cluster has more than the configured minimum size
     */
    public BiganTrainingResult train(List<LabelledRecord> records, TrainingListener listener) {
        RowModelDetectorTraining.Outcome<BiganTraining> outcome =
                new RowModelDetectorTraining(
                                BiganDetectorType.ID,
                                BiganDetectorType.NETWORK,
                                BiganDetectorConfig.METHOD,
                                new RowModelDetectorTraining.Split(
                                        config.heldOutShare(),
                                        config.seed(),
                                        config.recentLimit(),
                                        config.targetAlertRate()))
                        .run(
                                records,
                                rows -> new BiganTrainer(config.gan()).train(rows, listener),
                                BiganTraining::model,
                                listener);
        return new BiganTrainingResult(
                outcome.detector(),
                config,
                outcome.trained(),
                outcome.report(),
                outcome.trainingRecords(),
                outcome.heldOutRecords(),
                outcome.duration());
    }
}
