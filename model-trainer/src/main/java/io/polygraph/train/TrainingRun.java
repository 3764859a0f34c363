package io.polygraph.train;

import io.polygraph.world.World;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldGenerator;
import io.polygraph.world.WorldJoin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The train command as a method: generate a world, join it, train, save the snapshot.
 *
 * <p>Example: {@code TrainingRun.trainOnWorld(WorldConfig.defaults(), TrainerConfig.defaults(),
 * TrainingListener.NONE, Path.of("cmad.zip"))}. The command-line tool wraps this with a progress
 * bar; tests and benchmarks call it directly.
 */
public final class TrainingRun {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    private TrainingRun() {}

    /**
     * Trains a detector on the world {@code world} describes and writes it to {@code snapshotOut}.
     *
     * @return the result, whose snapshot is the one written
     */
    public static TrainingResult trainOnWorld(
            WorldConfig world, TrainerConfig trainer, TrainingListener listener, Path snapshotOut)
            throws IOException {
        listener.onStage("generating world");
        World generated = WorldGenerator.generate(world);
        listener.onStage("joining world");
        List<WorldJoin.LabelledRecord> records = WorldJoin.join(generated, trainer.recentLimit());
        TrainingResult result = new CmadTrainer(trainer).train(records, listener);
        result.snapshot().save(snapshotOut);
        LOG.info("Saved snapshot {} to {}", result.snapshot().modelInfo().version(), snapshotOut);
        return result;
    }
}
