package io.polygraph.deploy.cli;

import io.polygraph.train.TrainerConfig;
import io.polygraph.world.World;
import io.polygraph.world.WorldFiles;
import io.polygraph.world.WorldGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polygraph train}: trains the cross-modal detector and writes a model snapshot. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description =
                "Train the CMAD cross-modal detector on a world (generated, or read with --world) and"
                        + " write a model snapshot; ends with held-out AUROC, AUPRC, precision,"
                        + " recall and F1.")
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

    @Option(names = "--epochs", description = "Training epochs. Default: the trainer's default.")
    Integer epochs;

    @Option(
            names = "--target-alert-rate",
            description = "Share of held-out normal records allowed to alert; sets the threshold.")
    Double targetAlertRate;

    @Override
    public Integer call() throws Exception {
        World training =
                worldDir != null
                        ? WorldFiles.read(worldDir)
                        : WorldGenerator.generate(world.config());
        TrainerConfig config = TrainerConfig.defaults();
        if (epochs != null) {
            config = config.withEpochs(epochs);
        }
        if (targetAlertRate != null) {
            config = config.withTargetAlertRate(targetAlertRate);
        }
        new TrainingRunner(System.out).train(training, config, out);
        return 0;
    }
}
