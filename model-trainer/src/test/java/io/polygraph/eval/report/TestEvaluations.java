package io.polygraph.eval.report;

import io.polygraph.eval.LabelledScores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Small, seeded evaluations for the report tests: a few hundred records per run. */
final class TestEvaluations {

    static final Set<String> POSITIVES = Set.of("SIGNATURE_MISMATCH", "BEHAVIOUR_PROFILE_MISMATCH");

    private TestEvaluations() {}

    /**
     * Scores of 200 records: NORMAL around 0, the two positive types shifted up by {@code
     * separation}, OUTLIER records (neither class) in between.
     */
    static LabelledScores scores(long seed, double separation) {
        Random random = new Random(seed);
        List<String> labels = new ArrayList<>();
        double[] scores = new double[200];
        for (int i = 0; i < scores.length; i++) {
            String label =
                    i % 20 == 0
                            ? "SIGNATURE_MISMATCH"
                            : i % 20 == 1
                                    ? "BEHAVIOUR_PROFILE_MISMATCH"
                                    : i % 20 == 2 ? "OUTLIER" : LabelledScores.NORMAL;
            labels.add(label);
            double shift =
                    POSITIVES.contains(label) ? separation : label.equals("OUTLIER") ? 0.5 : 0;
            scores[i] = random.nextGaussian() + shift;
        }
        return LabelledScores.of(scores, labels, POSITIVES);
    }

    static SeedRun run(long seed, double separation, boolean withLoss) {
        SeedRunBuilder builder =
                SeedRun.builder(seed)
                        .scores(scores(seed, separation))
                        .threshold(1.5)
                        .wallTimeSeconds(2.5 + seed);
        if (withLoss) {
            builder.trainingLoss(LossCurve.perEpoch("loss", 1.0, 0.6, 0.45, 0.4, Double.NaN));
            builder.trainingLoss(LossCurve.perEpoch("validation", 1.1, 0.8, 0.7, 0.69, 0.7));
        }
        return builder.build();
    }

    static DetectorEvaluation detector(String name, double separation, boolean withLoss) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("epochs", 5);
        config.put("learningRate", 0.001);
        config.put("architecture", "pair-mlp");
        config.put("hidden", List.of(64, 32));
        config.put("whiten", true);
        return DetectorEvaluation.of(
                name,
                config,
                List.of(
                        run(1, separation, withLoss),
                        run(2, separation, withLoss),
                        run(3, separation, withLoss)));
    }

    static HeatMap sweep(String metric) {
        double[] gammas = {-0.4, -0.1, 0.2, 0.5};
        double[] epsilons = {-0.2, 0.1, 0.4, 0.7};
        double[][] values = new double[epsilons.length][gammas.length];
        for (int row = 0; row < epsilons.length; row++) {
            for (int column = 0; column < gammas.length; column++) {
                values[row][column] = 0.1 * row + 0.2 * column;
            }
        }
        values[0][0] = Double.NaN;
        return HeatMap.of(metric, "gamma", gammas, "epsilon", epsilons, values);
    }

    /**
     * CMAD with three runs and one failed run (seed 4), and a GAN detector all of whose runs (seeds
     * 1 and 2) failed.
     */
    static DatasetEvaluation evaluationWithFailures() {
        DetectorEvaluation cmad =
                detector("CMAD", 2.0, true)
                        .withFailedRuns(
                                List.of(
                                        new FailedRun(
                                                4,
                                                1.5,
                                                "training diverged: cmad loss epoch 2 loss NaN")));
        DetectorEvaluation gan =
                DetectorEvaluation.of(
                        "MMOC-GAN",
                        Map.of("epochs", 5),
                        List.of(),
                        List.of(
                                new FailedRun(
                                        1,
                                        0.5,
                                        "training diverged: mmoc mmoc_loss_d epoch 1 loss NaN"),
                                new FailedRun(
                                        2,
                                        0.75,
                                        "training diverged: mmoc raw scores all equal 1.0 on 9"
                                                + " training rows <nothing to rank by>")));
        return DatasetEvaluation.of("tiny-world", "with failures", List.of(cmad, gan), List.of());
    }

    /** Two detectors over three seeds, one with training loss, and two heat maps. */
    static DatasetEvaluation evaluation() {
        return DatasetEvaluation.of(
                "tiny-world",
                "200 records per seed, 10% positives, 5% outliers",
                List.of(detector("CMAD", 2.0, true), detector("IsolationForest", 1.0, false)),
                List.of(sweep("precision"), sweep("recall")));
    }
}
