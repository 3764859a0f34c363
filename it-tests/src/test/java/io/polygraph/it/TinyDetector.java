package io.polygraph.it;

import io.polygraph.train.AutoencoderConfig;
import io.polygraph.train.AutoencoderDetectorConfig;
import io.polygraph.train.AutoencoderDetectorTrainer;
import io.polygraph.train.TrainingListener;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import io.polygraph.world.WorldJoin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A really trained, deliberately tiny detector snapshot: a one-hidden-layer autoencoder trained for
 * one epoch on a small generated world. For tests of the data path, where detection quality does
 * not matter and the combined detector would take minutes to train.
 */
final class TinyDetector {

    private TinyDetector() {}

    /**
     * Trains the detector on a world generated from {@code training} and saves it as {@code to}.
     */
    static Path trainAndSave(WorldConfig training, Path to) throws IOException {
        AutoencoderDetectorConfig config =
                AutoencoderDetectorConfig.defaults()
                        .withNetwork(new AutoencoderConfig(List.of(16), 4, 64, 1e-3, 0.0, 0.0, 0))
                        .withEpochs(1);
        new AutoencoderDetectorTrainer(config)
                .train(
                        WorldJoin.join(WorldGenerator.generate(training), config.recentLimit()),
                        TrainingListener.NONE)
                .snapshot()
                .save(to);
        return to;
    }
}
