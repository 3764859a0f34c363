package io.polygraph.it;

import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.ReferenceRecords;
import io.polygraph.train.AutoencoderConfig;
import io.polygraph.train.AutoencoderDetectorConfig;
import io.polygraph.train.AutoencoderDetectorTrainer;
import io.polygraph.train.TrainingListener;
import io.polygraph.world.World;
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
        return trainAndSave(WorldGenerator.generate(training), to);
    }

    /** Trains the detector on {@code world} and saves it as {@code to}. */
    static Path trainAndSave(World world, Path to) throws IOException {
        train(world).save(to);
        return to;
    }

    /**
     * The detector trained on {@code world}, with reference records from it, as {@code polygraph
     * train} writes them (a job refuses to swap to a snapshot without them).
     */
    static DetectorSnapshot train(World world) {
        AutoencoderDetectorConfig config =
                AutoencoderDetectorConfig.defaults()
                        .withNetwork(new AutoencoderConfig(List.of(16), 4, 64, 1e-3, 0.0, 0.0, 0))
                        .withEpochs(1);
        List<WorldJoin.LabelledRecord> records = WorldJoin.join(world, config.recentLimit());
        return new AutoencoderDetectorTrainer(config)
                .train(records, TrainingListener.NONE)
                .snapshot()
                .withReferenceRecords(
                        ReferenceRecords.evenlySpaced(
                                records.stream().map(WorldJoin.LabelledRecord::record).toList(),
                                ReferenceRecords.DEFAULT_COUNT));
    }
}
