package io.polygraph.deploy.cli;

import io.polygraph.fusion.DetectionHead;
import io.polygraph.fusion.FusionMode;
import io.polygraph.train.AutoencoderDetectorConfig;
import io.polygraph.train.BiganDetectorConfig;
import io.polygraph.train.CombinedTrainer;
import io.polygraph.train.FusionConfig;
import io.polygraph.train.MmocDetectorConfig;
import io.polygraph.train.TrainerConfig;
import io.polygraph.unsupervised.SelectionConfig;
import io.polygraph.world.World;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Which detector to train and its main settings: the options {@code train} and {@code demo} share.
 */
final class DetectorOptions {

    /**
     * The seed of the generated calibration world is the training world's plus this: other
     * customers than both the training world's and (at the defaults) the demo's live world's.
     */
    static final long CALIBRATION_SEED_OFFSET = 1000;

    /** The detectors these commands train. */
    enum Detector {
        /** Cross-modal consensus embeddings. */
        cmad,
        /** The multimodal fusion network. */
        dmafn,
        /** An autoencoder on all modalities in one row, trained on the normal records. */
        autoencoder,
        /** The same autoencoder, trained by DUAD on all records, without labels. */
        duad,
        /** CMAD and a DMAFN classifier together, a record as suspicious as either finds it. */
        combined,
        /** MMOC-GAN's discriminator on the autoencoder's row, trained on the normal records. */
        mmoc,
        /** IGMM-BiGAN's latent mixture on the autoencoder's row, trained on the normal records. */
        igmmBigan("igmm-bigan");

        private final String option;

        Detector() {
            this.option = name();
        }

        Detector(String option) {
            this.option = option;
        }

        /** As {@code --detector} spells it: picocli matches and lists enum values by this too. */
        @Override
        public String toString() {
            return option;
        }
    }

    @Option(
            names = "--detector",
            defaultValue = "combined",
            description =
                    "Detector: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). autoencoder:"
                            + " one autoencoder over all modalities, trained on the training"
                            + " world's normal records; duad: the same autoencoder trained on all"
                            + " of its records, anomalies included and labels unread, by DUAD's"
                            + " iterative normal-subset selection; combined: CMAD and a DMAFN"
                            + " classifier, a record as suspicious as either finds it; mmoc: the"
                            + " discriminator of MMOC-GAN (a multi-modal one-class GAN) on the"
                            + " autoencoder's row, trained on the training world's normal"
                            + " records; igmm-bigan: IGMM-BiGAN (a bidirectional GAN with an"
                            + " infinite Gaussian mixture on its latent codes) on the same row and"
                            + " records, scored by the encoded row's distance to the mixture's"
                            + " clusters.")
    Detector detector;

    /** How CMAD reads an entity's recent transactions. */
    enum History {
        /** A hand-made summary inside the transaction's features (the {@code cmad} detector). */
        summary,
        /** Also a third modality, read by an LSTM (the K=3 {@code cmad-sequence} detector). */
        lstm
    }

    @Option(
            names = "--history",
            defaultValue = "summary",
            description =
                    "cmad: recent transactions as a summary in the transaction features, or also"
                            + " as a third modality read by an LSTM (K=3 consensus space):"
                            + " ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    History history;

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
                    "Training epochs (of every member of a combination; for mmoc, of both the"
                            + " GAN and its target network; for igmm-bigan, of the BiGAN)."
                            + " Default: the trainer's default.")
    Integer epochs;

    @Option(
            names = "--target-alert-rate",
            description = "Share of held-out normal records allowed to alert; sets the threshold.")
    Double targetAlertRate;

    @Mixin GanOptions gan;

    /**
     * Rejects settings that do not apply to the chosen detector.
     *
     * @throws ParameterException naming the options at fault
     */
    void validate(CommandLine commandLine) {
        boolean fused = detector == Detector.dmafn || detector == Detector.combined;
        if (!fused && (fusion != null || head != null)) {
            throw new ParameterException(
                    commandLine, "--fusion and --head are for --detector dmafn or combined");
        }
        if (detector != Detector.cmad && history != History.summary) {
            throw new ParameterException(commandLine, "--history is for --detector cmad");
        }
        gan.validate(commandLine, detector == Detector.mmoc, detector == Detector.igmmBigan);
    }

    /**
     * Trains the chosen detector on {@code world} and writes its snapshot to {@code out}.
     *
     * @param calibrationWorld an independent world whose normal records set the combination's
     *     threshold, called only for {@code combined}; it may return null (then the training
     *     world's held-out customers set it)
     */
    void train(World world, Supplier<World> calibrationWorld, Path out, PrintStream progress)
            throws IOException {
        TrainingRunner runner = new TrainingRunner(progress);
        switch (detector) {
            case cmad -> runner.train(world, cmadConfig(), out, history == History.lstm);
            case dmafn -> runner.trainFusion(world, fusionConfig(FusionConfig.defaults()), out);
            case autoencoder -> runner.trainAutoencoder(world, autoencoderConfig(null), out);
            case duad ->
                    runner.trainAutoencoder(
                            world,
                            autoencoderConfig(AutoencoderDetectorConfig.defaultSelection()),
                            out);
            case combined ->
                    runner.trainCombined(
                            world,
                            calibrationWorld.get(),
                            cmadConfig(),
                            fusionConfig(CombinedTrainer.defaultDmafn()),
                            out);
            case mmoc -> runner.trainMmoc(world, mmocConfig(), out);
            case igmmBigan -> runner.trainBigan(world, biganConfig(), out);
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

    private AutoencoderDetectorConfig autoencoderConfig(SelectionConfig duad) {
        AutoencoderDetectorConfig config = AutoencoderDetectorConfig.defaults();
        if (duad != null) {
            config = config.withDuad(duad);
        }
        if (epochs != null) {
            config = config.withEpochs(epochs);
        }
        if (targetAlertRate != null) {
            config = config.withTargetAlertRate(targetAlertRate);
        }
        return config;
    }

    private MmocDetectorConfig mmocConfig() {
        MmocDetectorConfig defaults = MmocDetectorConfig.defaults();
        MmocDetectorConfig config = defaults.withGan(gan.apply(defaults.gan()));
        if (epochs != null) {
            config = config.withEpochs(epochs);
        }
        if (targetAlertRate != null) {
            config = config.withTargetAlertRate(targetAlertRate);
        }
        return config;
    }

    private BiganDetectorConfig biganConfig() {
        BiganDetectorConfig defaults = BiganDetectorConfig.defaults();
        BiganDetectorConfig config = defaults.withGan(gan.apply(defaults.gan()));
        if (epochs != null) {
            config = config.withEpochs(epochs);
        }
        if (targetAlertRate != null) {
            config = config.withTargetAlertRate(targetAlertRate);
        }
        return config;
    }

    private FusionConfig fusionConfig(FusionConfig defaults) {
        FusionConfig config = defaults;
        if (fusion != null) {
            config = config.withMode(fusion);
        }
        if (head != null) {
            config = config.withHead(head);
        }
        if (epochs != null) {
            config = config.withEpochs(epochs);
        }
        if (targetAlertRate != null) {
            config = config.withTargetAlertRate(targetAlertRate);
        }
        return config;
    }
}
