package io.polygraph.deploy.cli;

import io.polygraph.eval.report.DatasetEvaluation;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.run.BaselineConfig;
import io.polygraph.eval.run.WorldBaselineExperiment;
import io.polygraph.eval.run.WorldExperiment;
import io.polygraph.train.BiganDetectorConfig;
import io.polygraph.train.FusionConfig;
import io.polygraph.train.MmocDetectorConfig;
import io.polygraph.train.TrainerConfig;
import io.polygraph.world.WorldConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic-world evaluation of {@code polygraph evaluate}: CMAD and its K=3 variant (LSTM
 * history), the DMAFN variants of {@code --dmafn}, the GAN detectors of {@code --gans} (MMOC-GAN,
 * IGMM-BiGAN), then the reconstruction baselines on the same worlds and splits, and how much the
 * best multimodal detector gains (the GANs read every modality, so they count as multimodal).
 */
final class WorldEvaluations {

    private WorldEvaluations() {}

    /** DMAFN's defaults with the command's epochs and alert rate. */
    private static FusionConfig fusionBase(EvaluateCommand options) {
        FusionConfig config = FusionConfig.defaults();
        if (options.epochs != null) {
            config = config.withEpochs(options.epochs);
        }
        if (options.targetAlertRate != null) {
            config = config.withTargetAlertRate(options.targetAlertRate);
        }
        return config;
    }

    /** MMOC-GAN's detector defaults with the command's epochs and alert rate. */
    private static MmocDetectorConfig mmocConfig(EvaluateCommand options) {
        MmocDetectorConfig config = MmocDetectorConfig.defaults();
        if (options.epochs != null) {
            config = config.withEpochs(options.epochs);
        }
        if (options.targetAlertRate != null) {
            config = config.withTargetAlertRate(options.targetAlertRate);
        }
        return config;
    }

    /** IGMM-BiGAN's detector defaults with the command's epochs and alert rate. */
    private static BiganDetectorConfig igmmBiganConfig(EvaluateCommand options) {
        BiganDetectorConfig config = BiganDetectorConfig.defaults();
        if (options.epochs != null) {
            config = config.withEpochs(options.epochs);
        }
        if (options.targetAlertRate != null) {
            config = config.withTargetAlertRate(options.targetAlertRate);
        }
        return config;
    }

    static DatasetEvaluation detectors(EvaluateCommand options, ProgressBarListener progress) {
        WorldConfig shape = options.worldShape.config(0);
        System.out.printf(
                "Synthetic world: %d customers over %d days per world; seed s trains on world"
                        + " s+%d and tests on world s (new customers and writers)%n",
                shape.customers(), shape.span().toDays(), WorldExperiment.TRAINING_SEED_OFFSET);
        TrainerConfig config = TrainerConfig.defaults();
        if (options.epochs != null) {
            config = config.withEpochs(options.epochs);
        }
        if (options.targetAlertRate != null) {
            config = config.withTargetAlertRate(options.targetAlertRate);
        }
        List<FusionConfig> fusionConfigs = options.fusionVariants.configs(fusionBase(options));
        List<DetectorEvaluation> detectors = new ArrayList<>();
        WorldExperiment experiment = new WorldExperiment(shape);
        detectors.add(experiment.cmad(config, options.seeds, progress));
        detectors.add(experiment.cmadSequence(config, options.seeds, progress));
        for (FusionConfig fusion : fusionConfigs) {
            detectors.add(experiment.dmafn(fusion, options.seeds, progress));
        }
        if (options.rowModelVariants.mmoc()) {
            detectors.add(experiment.mmoc(mmocConfig(options), options.seeds, progress));
        }
        if (options.rowModelVariants.igmmBigan()) {
            detectors.add(experiment.igmmBigan(igmmBiganConfig(options), options.seeds, progress));
        }
        detectors.addAll(
                new WorldBaselineExperiment(shape)
                        .baselines(config, BaselineConfig.defaults(), options.seeds, progress));
        double gain = WorldBaselineExperiment.multimodalAuprcGain(detectors);
        System.out.printf(
                "Best multimodal AUPRC / best single-modality AUPRC (means over seeds): %.2f%n",
                gain);
        return DatasetEvaluation.of(
                "world",
                String.format(
                        "Synthetic multimodal world, %d customers over %d days; train on world"
                                + " s+%d, test on world s. Positives: signature and behaviour"
                                + " mismatches; outliers are reported per type only. CMAD's,"
                                + " DMAFN's and the GANs' anomaly score: minus the calibrated"
                                + " score;"
                                + " baselines: reconstruction errors, thresholds for the same"
                                + " alert budget on the same held-out customers. Best multimodal"
                                + " AUPRC over best single-modality AUPRC: %.2f.",
                        shape.customers(),
                        shape.span().toDays(),
                        WorldExperiment.TRAINING_SEED_OFFSET,
                        gain),
                detectors,
                List.of());
    }
}
