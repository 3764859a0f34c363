package io.polygraph.deploy.cli;

import io.polygraph.eval.report.DatasetEvaluation;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.run.WorldExperiment;
import io.polygraph.train.TrainerConfig;
import io.polygraph.world.WorldConfig;
import java.util.List;

/** The synthetic-world evaluation of {@code polygraph evaluate}. */
final class WorldEvaluations {

    private WorldEvaluations() {}

    static DatasetEvaluation cmad(EvaluateCommand options, ProgressBarListener progress) {
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
        DetectorEvaluation cmad = new WorldExperiment(shape).cmad(config, options.seeds, progress);
        return DatasetEvaluation.of(
                "world",
                String.format(
                        "Synthetic multimodal world, %d customers over %d days; train on world"
                                + " s+%d, test on world s. Positives: signature and behaviour"
                                + " mismatches; outliers are reported per type only. Anomaly"
                                + " score: minus the calibrated consistency score.",
                        shape.customers(),
                        shape.span().toDays(),
                        WorldExperiment.TRAINING_SEED_OFFSET),
                List.of(cmad),
                List.of());
    }
}
