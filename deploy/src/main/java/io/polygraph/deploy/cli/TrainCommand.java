package io.polygraph.deploy.cli;

import io.polygraph.eval.run.WorldExperiment;
import io.polygraph.fusion.DetectionHead;
import io.polygraph.fusion.FusionMode;
import io.polygraph.train.FusionConfig;
import io.polygraph.train.TrainerConfig;
import io.polygraph.world.World;
import io.polygraph.world.WorldFiles;
import io.polygraph.world.WorldGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polygraph train}: trains a detector (CMAD by default, or DMAFN) and writes a model
 * snapshot the job can score with.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description =
                "Train a detector (CMAD, or DMAFN with --detector dmafn) on a world (generated, or"
                        + " read with --world) and write a model snapshot; ends with held-out"
                        + " AUROC, AUPRC, precision, recall and F1. Without --seed the generated"
                        + " world is seed 1042 (the default world's seed + 1000), so that `demo`"
                        + " and `generate` at their default seed show customers the model never"
                        + " saw.")
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

    /** The detectors this command trains. */
    enum Detector {
        /** Cross-modal consensus embeddings. */
        cmad,
        /** The multimodal fusion network. */
        dmafn
    }

    @Option(
            names = "--detector",
            defaultValue = "cmad",
            description = "Detector: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Detector detector;

    @Option(
            names = "--fusion",
            description = "dmafn: fusion mode, ${COMPLETION-CANDIDATES} (default: ATTENTION).")
    FusionMode fusion;

    @Option(
            names = "--head",
            description =
                    "dmafn: detection head, ${COMPLETION-CANDIDATES} (default: AUTOENCODER;"
                            + " CLASSIFIER learns from the world's anomaly labels).")
    DetectionHead head;

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
        World training =
                worldDir != null
                        ? WorldFiles.read(worldDir)
                        : WorldGenerator.generate(world.config(trainingSeed()));
        if (detector != Detector.dmafn && (fusion != null || head != null)) {
            throw new ParameterException(
                    spec.commandLine(), "--fusion and --head are for --detector dmafn");
        }
        if (detector == Detector.dmafn) {
            FusionConfig config = FusionConfig.defaults();
            config = config.withMode(fusion != null ? fusion : config.mode());
            config = config.withHead(head != null ? head : config.head());
            if (epochs != null) {
                config = config.withEpochs(epochs);
            }
            if (targetAlertRate != null) {
                config = config.withTargetAlertRate(targetAlertRate);
            }
            new TrainingRunner(System.out).trainFusion(training, config, out);
            return 0;
        }
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
