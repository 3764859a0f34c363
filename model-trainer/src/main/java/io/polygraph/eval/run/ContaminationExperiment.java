package io.polygraph.eval.run;

import io.polygraph.data.MnistSet;
import io.polygraph.eval.LabelledScores;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.SeedRun;
import io.polygraph.train.AutoencoderConfig;
import io.polygraph.train.AutoencoderTrainer;
import io.polygraph.train.InputScaling;
import io.polygraph.train.TrainingListener;
import io.polygraph.unsupervised.DuadResult;
import io.polygraph.unsupervised.DuadTrainer;
import io.polygraph.unsupervised.SelectionConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Training on contaminated, unlabelled data: DUAD's iterative normal-subset selection against the
 * same autoencoder trained on every row, on MNIST as a one-class problem.
 *
 * <p>Normal rows are the images of one digit; anomalies are images of the other digits, sampled so
 * that they make up the given share of the training rows, and again of the test rows (training
 * images from the training file, test images from the unseen test file). Both detectors get the
 * same architecture, raw pixels ({@link InputScaling#RAW}: standardising near-constant border
 * pixels blows them up) and the same number of epochs: the plain autoencoder trains as many epochs
 * as DUAD ran. Labels are never shown to either (DUAD logs the anomaly share of its selections as
 * evidence of purification, nothing else reads them). The threshold is unsupervised: the training
 * rows' score quantile at one minus the contamination share, as a user who knows roughly how dirty
 * the data is would set it ({@link TrainingQuantileEvaluation}). One pair of detectors per
 * contamination share; each seed draws its own contamination and initialisation.
 */
public final class ContaminationExperiment {

    /** Label of an image of another digit than the normal one. */
    public static final String OTHER_DIGIT = "OTHER_DIGIT";

    /**
     * The autoencoder both detectors use: {@code 784 -> 128 -> 32 -> 8 -> 32 -> 128 -> 784},
     * batches of 64, Adam 1e-3, no dropout, L2 1e-5 (seeded per run).
     */
    public static final AutoencoderConfig DEFAULT_AUTOENCODER =
            new AutoencoderConfig(List.of(128, 32), 8, 64, 1e-3, 0.0, 1e-5, 0);

    private final MnistSet train;
    private final MnistSet test;
    private final int normalDigit;

    public ContaminationExperiment(MnistSet train, MnistSet test, int normalDigit) {
        this.train = Objects.requireNonNull(train, "train");
        this.test = Objects.requireNonNull(test, "test");
        if (normalDigit < 0 || normalDigit > 9) {
            throw new IllegalArgumentException("normal digit must be 0..9: " + normalDigit);
        }
        this.normalDigit = normalDigit;
    }

    /** For each contamination share (in (0, 0.5)): DUAD, then the autoencoder on all rows. */
    public List<DetectorEvaluation> compare(
            double[] contaminations,
            AutoencoderConfig autoencoder,
            SelectionConfig selection,
            List<Long> seeds,
            TrainingListener listener) {
        List<DetectorEvaluation> detectors = new ArrayList<>();
        for (double share : contaminations) {
            if (!(share > 0 && share < 0.5)) {
                throw new IllegalArgumentException("contamination must be in (0, 0.5): " + share);
            }
            List<SeedRun> duadRuns = new ArrayList<>();
            List<SeedRun> plainRuns = new ArrayList<>();
            for (long seed : seeds) {
                listener.onStage(String.format("%.0f %% contaminated, seed %d", share * 100, seed));
                Rows training = contaminated(train, share, seed);
                Rows testing = contaminated(test, share, seed + 1);
                TrainingQuantileEvaluation evaluation =
                        new TrainingQuantileEvaluation(
                                seed,
                                training.x(),
                                share,
                                testing.x(),
                                testing.labels(),
                                Set.of(OTHER_DIGIT));
                long started = System.nanoTime();
                DuadResult duad =
                        new DuadTrainer(
                                        selection.withSeed(seed),
                                        autoencoder.withSeed(seed),
                                        InputScaling.RAW)
                                .train(training.x(), training.anomalous(), listener);
                duadRuns.add(evaluation.run(duad.model()::scores, duad.epochLosses(), started));
                started = System.nanoTime();
                AutoencoderTrainer plain =
                        AutoencoderTrainer.fittedTo(
                                autoencoder.withSeed(seed), training.x(), InputScaling.RAW);
                double[] losses =
                        plain.train(training.x(), null, duad.epochLosses().length, listener);
                plainRuns.add(evaluation.run(plain.model()::scores, losses, started));
            }
            detectors.add(
                    DetectorEvaluation.of(
                            name("DUAD", share), config(share, autoencoder, selection), duadRuns));
            detectors.add(
                    DetectorEvaluation.of(
                            name("AE on all rows", share),
                            config(share, autoencoder, null),
                            plainRuns));
        }
        return detectors;
    }

    /** Every image of the normal digit plus other digits making up {@code share} of the rows. */
    private Rows contaminated(MnistSet set, double share, long seed) {
        List<Integer> normals = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            (set.digit(i) == normalDigit ? normals : others).add(i);
        }
        Collections.shuffle(others, new Random(seed));
        int anomalies = (int) Math.round(normals.size() * share / (1 - share));
        List<Integer> rows = new ArrayList<>(normals);
        rows.addAll(others.subList(0, Math.min(anomalies, others.size())));
        Collections.shuffle(rows, new Random(seed + 1));
        double[][] x = new double[rows.size()][];
        boolean[] anomalous = new boolean[rows.size()];
        List<String> labels = new ArrayList<>(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            int i = rows.get(k);
            float[] image = set.image(i);
            x[k] = new double[image.length];
            for (int p = 0; p < image.length; p++) {
                x[k][p] = image[p];
            }
            anomalous[k] = set.digit(i) != normalDigit;
            labels.add(anomalous[k] ? OTHER_DIGIT : LabelledScores.NORMAL);
        }
        return new Rows(x, anomalous, labels);
    }

    private Map<String, Object> config(
            double share, AutoencoderConfig autoencoder, SelectionConfig selection) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("normalDigit", normalDigit);
        config.put("contamination", share);
        config.put("autoencoder", autoencoder.toString());
        if (selection != null) {
            config.put("selection", selection.toString());
        }
        return config;
    }

    private static String name(String detector, double share) {
        return String.format("%s, %.0f %% contaminated", detector, share * 100);
    }

    /** Rows, whether each is an anomaly, and its label for the report. */
    private record Rows(double[][] x, boolean[] anomalous, List<String> labels) {}
}
