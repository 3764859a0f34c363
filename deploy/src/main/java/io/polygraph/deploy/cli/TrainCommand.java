package io.polygraph.deploy.cli;

import io.polygraph.eval.run.WorldExperiment;
import io.polygraph.gan.TrainingDivergedException;
import io.polygraph.world.World;
import io.polygraph.world.WorldFiles;
import io.polygraph.world.WorldGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code polygraph train}: trains a detector (by default CMAD and DMAFN combined, or one of the
 * others) and writes a model snapshot the job can score with. A run whose training diverges writes
 * no snapshot and exits with {@link PolygraphCli#EXIT_TRAINING_DIVERGED}.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description =
                "Train a detector (--detector; by default CMAD and DMAFN combined) on a world (generated, or"
                        + " read with --world) and write a model snapshot; ends with held-out"
                        + " AUROC, AUPRC, precision, recall and F1. Without --seed the generated"
                        + " world is seed 1042 (the default world's seed + 1000), so that `demo`"
                        + " and `generate` at their default seed show customers the model never"
                        + " saw. A run whose training diverges writes no snapshot and exits with"
                        + " code "
                        + PolygraphCli.EXIT_TRAINING_DIVERGED
                        + ".")
final class TrainCommand implements Callable<Integer> {

    @Option(
            names = "--world",
            paramLabel = "DIR",
            description = "Train on a world written by `polygraph generate --out DIR`.")
    Path worldDir;

    @Mixin WorldOptions world;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "Where to write the model snapshot (a zip file).")
    Path out;

    @Mixin DetectorOptions detector;

    @Spec CommandSpec spec;

    /**
     * The seed of the generated training world: {@code --seed} when given, else the default world's
     * seed plus {@link WorldExperiment#TRAINING_SEED_OFFSET}. Without the offset, `train` then
     * `demo --snapshot` would score the very customers the model was trained on.
     */
    long trainingSeed() {
        boolean given = spec.commandLine().getParseResult().hasMatchedOption("--seed");
        return given ? world.seed : world.seed + WorldExperiment.TRAINING_SEED_OFFSET;
    }

    @Override
    public Integer call() throws Exception {
        detector.validate(spec.commandLine());
        World training =
                worldDir != null
                        ? WorldFiles.read(worldDir)
                        : WorldGenerator.generate(world.config(trainingSeed()));
        // A world read from files is the user's own: no synthetic world can calibrate for it.
        Supplier<World> calibration =
                () ->
                        worldDir != null
                                ? null
                                : WorldGenerator.generate(
                                        world.config(
                                                trainingSeed()
                                                        + DetectorOptions.CALIBRATION_SEED_OFFSET));
        return trainUnlessDiverged(
                () -> detector.train(training, calibration, out, System.out),
                spec.commandLine().getErr());
    }

    /** Training that writes a snapshot at its end. */
    @FunctionalInterface
    interface SnapshotTraining {
        void run() throws IOException;
    }

    /**
     * Runs {@code training}; when it diverges, prints one line on {@code err} and returns {@link
     * PolygraphCli#EXIT_TRAINING_DIVERGED}, else returns 0. Every trainer writes its snapshot only
     * after training and evaluation have finished, so a diverged run has written nothing, and
     * nothing needs deleting.
     */
    static int trainUnlessDiverged(SnapshotTraining training, PrintWriter err) throws IOException {
        try {
            training.run();
            return 0;
        } catch (TrainingDivergedException e) {
            err.println(e.getMessage() + "; no snapshot written");
            err.flush();
            return PolygraphCli.EXIT_TRAINING_DIVERGED;
        }
    }
}
