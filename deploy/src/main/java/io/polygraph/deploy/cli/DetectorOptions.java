package io.polygraph.deploy.cli;

import io.polygraph.fusion.DetectionHead;
import io.polygraph.fusion.FusionMode;
import io.polygraph.train.FusionConfig;
import io.polygraph.train.TrainerConfig;
import io.polygraph.world.World;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Which detector to train and its main settings: the options {@code train} and {@code demo} share.
 */
final class DetectorOptions {

    /** The detectors these commands train. */
    enum Detector {
        /** Cross-modal consensus embeddings. */
        cmad,
        /** The multimodal fusion network. */
        dmafn,
        /** CMAD and a DMAFN classifier together, a record as suspicious as either finds it. */
        combined
    }

    @Option(
            names = "--detector",
            defaultValue = "cmad",
            description = "Detector: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Detector detector;

    @Option(
            names = "--fusion",
            description =
                    "dmafn, combined: fusion mode, ${COMPLETION-CANDIDATES} (default: ATTENTION).")
    FusionMode fusion;

    @Option(
            names = "--head",
            description =
                    "dmafn, combined: detection head, ${COMPLETION-CANDIDATES} (default:"
                            + " AUTOENCODER for dmafn, CLASSIFIER for combined; CLASSIFIER learns"
                            + " from the world's anomaly labels).")
    DetectionHead head;

    @Option(
            names = "--epochs",
            description =
                    "Training epochs (of every member of a combination). Default: the"
                            + " trainer's default.")
    Integer epochs;

    @Option(
            names = "--target-alert-rate",
            description = "Share of held-out normal records allowed to alert; sets the threshold.")
    Double targetAlertRate;

    /**
     * Rejects settings that do not apply to the chosen detector.
     *
     * @throws ParameterException naming the options at fault
     */
    void validate(CommandLine commandLine) {
        if (detector == Detector.cmad && (fusion != null || head != null)) {
            throw new ParameterException(
                    commandLine, "--fusion and --head are for --detector dmafn or combined");
        }
    }

    /** Trains the chosen detector on {@code world} and writes its snapshot to {@code out}. */
    void train(World world, Path out, PrintStream progress) throws IOException {
        TrainingRunner runner = new TrainingRunner(progress);
        switch (detector) {
            case cmad -> runner.train(world, cmadConfig(), out);
            case dmafn -> runner.trainFusion(world, fusionConfig(DetectionHead.AUTOENCODER), out);
            case combined ->
                    runner.trainCombined(
                            world, cmadConfig(), fusionConfig(DetectionHead.CLASSIFIER), out);
        }
    }

    private TrainerConfig cmadConfig() {
        TrainerConfig config = TrainerConfig.defaults();
        if (epochs != null) {
            config = config.withEpochs(epochs);
        }
        if (targetAlertRate != null) {
            config = config.withTargetAlertRate(targetAlertRate);
        }
        return config;
    }

    private FusionConfig fusionConfig(DetectionHead defaultHead) {
        FusionConfig config = FusionConfig.defaults();
        config = config.withMode(fusion != null ? fusion : config.mode());
        config = config.withHead(head != null ? head : defaultHead);
        if (epochs != null) {
            config = config.withEpochs(epochs);
        }
        if (targetAlertRate != null) {
            config = config.withTargetAlertRate(targetAlertRate);
        }
        return config;
    }
}
