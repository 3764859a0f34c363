package io.polygraph.eval.run;

import io.polygraph.data.TabularDataset;
import io.polygraph.eval.LabelledScores;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.SeedRun;
import io.polygraph.features.Standardizer;
import io.polygraph.train.AutoencoderConfig;
import io.polygraph.train.AutoencoderTrainer;
import io.polygraph.train.InputScaling;
import io.polygraph.train.TrainingListener;
import io.polygraph.unsupervised.DuadResult;
import io.polygraph.unsupervised.DuadTrainer;
import io.polygraph.unsupervised.PcaReconstruction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unimodal detectors on a user's own labelled table (a CSV or ARFF file read by {@link
 * io.polygraph.data.TabularReader}): DUAD, the same autoencoder trained on every row, and PCA
 * reconstruction, trained without labels on one part of the rows and tested on the other.
 *
 * <p>Protocol, per seed: a {@link StratifiedSplit} by label puts {@link TabularConfig#testShare()}
 * of each label's rows in the test part (half by default). All three detectors train on the
 * training rows <em>without their labels</em>, anomalies included, as a user with unlabelled data
 * would; each standardises the columns with the training rows' means and standard deviations only
 * ({@link InputScaling#STANDARDISED}, one-hot columns included, as in {@link BaselineDetectors}).
 * DUAD ({@link DuadTrainer}) runs first; the plain autoencoder, of the same architecture ({@link
 * TabularConfig#autoencoderFor}, sized by the number of columns), then trains as many epochs as
 * DUAD did, so that DUAD's only advantage is its selection (as in {@link ContaminationExperiment});
 * PCA ({@link PcaReconstruction}) fits the standardised training rows, with at most one component
 * fewer than there are columns. Scores: the autoencoders' {@code arccos(cos(x, x'))}, PCA's squared
 * reconstruction error. DUAD is given the training labels only to log how pure its last selection
 * was; nothing trains on them.
 *
 * <p>Threshold (precision, recall, F1, accuracy; AUROC and AUPRC do not depend on it): each
 * detector flags the {@link TabularConfig#targetAlertRate()} share of its own training rows that
 * score highest ({@link TrainingQuantileEvaluation}), a rule that needs no labels. By default that
 * share is the training rows' true anomaly share: the contamination that a user who knows roughly
 * how dirty the data is would give, and the usual choice on anomaly benchmarks; precision and
 * recall then come out about equal. With a split stratified by label the share is the same for
 * every seed.
 *
 * <p>Labels: rows with a normal label are {@link LabelledScores#NORMAL}; every other label is an
 * anomaly type under its own value ({@link LabelledRows}), all of them positives, so the per-type
 * breakdown shows how much of each class was flagged.
 *
 * <p>The constructor rejects, with a message starting with the source, a table the protocol cannot
 * evaluate: fewer than two feature columns, no anomalous or no normal row, fewer than {@value
 * #MIN_TRAINING_ROWS} training rows, or no anomalous row left for the test part.
 */
public final class TabularExperiment {

    public static final String DUAD = "DUAD";
    public static final String AE_ALL_ROWS = "AE on all rows";
    public static final String PCA = "PCA reconstruction";

    /** The detectors, in report order. */
    public static final List<String> DETECTORS = List.of(DUAD, AE_ALL_ROWS, PCA);

    /** Fewest training rows: two DUAD mixture components of ten rows each. */
    static final int MIN_TRAINING_ROWS = 2 * TabularConfig.ROWS_PER_COMPONENT;

    private static final Logger LOG = LoggerFactory.getLogger(TabularExperiment.class);

    private final String source;
    private final LabelledRows table;
    private final int width;
    private final TabularConfig config;
    private final AutoencoderConfig autoencoder;

    /**
     * @param source where the rows come from, such as the file's path: it starts every error
     *     message and the report's description
     * @throws IllegalArgumentException when the table cannot be evaluated (see above)
     */
    public TabularExperiment(String source, TabularDataset data, TabularConfig config) {
        this.source = Objects.requireNonNull(source, "source");
        this.table = LabelledRows.of(data);
        this.width = data.featureNames().size();
        this.config = Objects.requireNonNull(config, "config");
        this.autoencoder = TabularConfig.autoencoderFor(width);
        checkEvaluable();
    }

    /** One evaluation per detector, in {@link #DETECTORS} order, each over every seed. */
    public List<DetectorEvaluation> compare(List<Long> seeds, TrainingListener listener) {
        Map<String, List<SeedRun>> runs = new LinkedHashMap<>();
        DETECTORS.forEach(name -> runs.put(name, new ArrayList<>()));
        for (long seed : seeds) {
            runSeed(seed, listener).forEach((name, run) -> runs.get(name).add(run));
        }
        List<DetectorEvaluation> evaluations = new ArrayList<>();
        runs.forEach(
                (name, seedRuns) ->
                        evaluations.add(DetectorEvaluation.of(name, describe(name), seedRuns)));
        return evaluations;
    }

    /** What was compared, and how: for the report's description. */
    public String description() {
        return String.format(
                "%s: %,d rows, %d feature columns; normal label %s (%,d rows), anomalies by label"
                        + " %s. Per seed, %.0f %% of each label's rows are held out for testing;"
                        + " DUAD, the same autoencoder trained as many epochs on all training"
                        + " rows, and PCA reconstruction train on the rest without labels,"
                        + " anomalies included, inputs standardised on the training rows. Scores:"
                        + " arccos of the cosine of input and reconstruction (autoencoders),"
                        + " squared reconstruction error (PCA). Threshold: each detector flags"
                        + " the highest-scoring %s of its training rows.",
                source,
                table.size(),
                width,
                table.normalLabels(),
                table.size() - table.anomalyCount(),
                table.anomaliesByType(),
                config.testShare() * 100,
                alertRateText());
    }

    private Map<String, SeedRun> runSeed(long seed, TrainingListener listener) {
        StratifiedSplit split = StratifiedSplit.of(table.labels(), config.testShare(), seed);
        LabelledRows training = table.rows(split.training());
        LabelledRows test = table.rows(split.test());
        TrainingQuantileEvaluation evaluation =
                new TrainingQuantileEvaluation(
                        seed,
                        training.x(),
                        alertRate(training),
                        test.x(),
                        test.types(),
                        table.positives());
        Map<String, SeedRun> runs = new LinkedHashMap<>();
        listener.onStage(DUAD + ", seed " + seed);
        long started = System.nanoTime();
        DuadResult duad = duad(training, seed, listener);
        runs.put(DUAD, evaluation.run(duad.model()::scores, duad.epochLosses(), started));
        listener.onStage(AE_ALL_ROWS + ", seed " + seed);
        started = System.nanoTime();
        AutoencoderTrainer plain =
                AutoencoderTrainer.fittedTo(
                        autoencoder.withSeed(seed), training.x(), InputScaling.STANDARDISED);
        double[] losses = plain.train(training.x(), null, duad.epochLosses().length, listener);
        runs.put(AE_ALL_ROWS, evaluation.run(plain.model()::scores, losses, started));
        listener.onStage(PCA + ", seed " + seed);
        started = System.nanoTime();
        runs.put(PCA, evaluation.run(pca(training.x()), new double[0], started));
        logSeed(seed, training, test, duad);
        return runs;
    }

    /** DUAD on the training rows; their labels only measure how pure its selections are. */
    private DuadResult duad(LabelledRows training, long seed, TrainingListener listener) {
        return new DuadTrainer(
                        config.selectionFor(training.size(), seed),
                        autoencoder.withSeed(seed),
                        InputScaling.STANDARDISED)
                .train(training.x(), training.anomalous(), listener);
    }

    private static void logSeed(
            long seed, LabelledRows training, LabelledRows test, DuadResult duad) {
        LOG.info(
                "Seed {}: {} training rows ({} anomalous), {} test rows ({} anomalous); DUAD"
                        + " trained {} epochs, its final selection keeps {} rows, {} anomalous",
                seed,
                training.size(),
                training.anomalyCount(),
                test.size(),
                test.anomalyCount(),
                duad.epochLosses().length,
                duad.lastRound().selectedCount(),
                String.format("%.1f %%", duad.lastRound().anomalyShare() * 100));
    }

    /** PCA fitted on the standardised training rows, scoring rows standardised the same way. */
    private TrainingQuantileEvaluation.Scorer pca(double[][] training) {
        Standardizer scaling = InputScaling.STANDARDISED.fit(training);
        PcaReconstruction pca =
                PcaReconstruction.fit(
                        standardised(scaling, training),
                        config.pcaVarianceShare(),
                        maxPcaComponents());
        LOG.info("Fitted {} on {} rows", pca, training.length);
        return rows -> pca.scores(standardised(scaling, rows));
    }

    /**
     * The configured cap, but at most one component fewer than there are columns: with every
     * component kept, each row is its own reconstruction and every score is 0. On a narrow table
     * with some contamination the variance share alone can ask for them all: on two correlated
     * columns with 8 % of the rows off their line (EvaluateTabularCommandTest's table), PCA kept
     * both components and scored AUROC 0.57; capped at one, 0.96.
     */
    private int maxPcaComponents() {
        return Math.min(config.pcaMaxComponents(), width - 1);
    }

    private static double[][] standardised(Standardizer scaling, double[][] rows) {
        double[][] result = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            float[] row = new float[rows[i].length];
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) rows[i][j];
            }
            scaling.apply(row);
            result[i] = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                result[i][j] = row[j];
            }
        }
        return result;
    }

    private double alertRate(LabelledRows training) {
        return config.targetAlertRate().orElse((double) training.anomalyCount() / training.size());
    }

    /** The alert rate in words; the default is the same for every seed (see StratifiedSplit). */
    private String alertRateText() {
        if (config.targetAlertRate().isPresent()) {
            return String.format("%.2f %%", config.targetAlertRate().getAsDouble() * 100);
        }
        return String.format(
                "%.2f %% (the training rows' share of anomalies)",
                alertRate(table.rows(splitSizes().training())) * 100);
    }

    /** A split with the sizes of every seed's. */
    private StratifiedSplit splitSizes() {
        return StratifiedSplit.of(table.labels(), config.testShare(), 0);
    }

    private void checkEvaluable() {
        if (width < 2) {
            fail(width + " feature column(s) besides the label; the detectors need at least 2");
        }
        if (table.anomalyCount() == 0) {
            fail(
                    "all "
                            + table.size()
                            + " rows have the normal label "
                            + table.normalLabels()
                            + "; an evaluation needs anomalous rows too");
        }
        if (table.anomalyCount() == table.size()) {
            fail("no row is normal; an evaluation needs normal rows too");
        }
        StratifiedSplit split = splitSizes();
        if (split.training().length < MIN_TRAINING_ROWS) {
            fail(
                    String.format(
                            "%d rows leave %d for training; at least %d are needed",
                            table.size(), split.training().length, MIN_TRAINING_ROWS));
        }
        if (table.rows(split.test()).anomalyCount() == 0) {
            fail(
                    String.format(
                            "%d anomalous row(s) are too few to hold %.0f %% of them out for"
                                    + " testing",
                            table.anomalyCount(), config.testShare() * 100));
        }
    }

    private void fail(String what) {
        throw new IllegalArgumentException(source + ": " + what);
    }

    /** The report's configuration of one detector. */
    private Map<String, Object> describe(String name) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("input", width + " columns, standardised on the training rows");
        description.put("normalLabels", List.copyOf(table.normalLabels()));
        description.put("testShare", config.testShare());
        if (name.equals(PCA)) {
            description.put(
                    "model",
                    String.format(
                            "PCA to %.0f %% of the variance, at most %d components",
                            config.pcaVarianceShare() * 100, maxPcaComponents()));
            description.put("score", "squared reconstruction error");
        } else {
            description.put("autoencoder", autoencoder.toString());
            description.put("score", "arccos of the cosine of input and reconstruction");
        }
        if (name.equals(DUAD)) {
            description.put(
                    "selection",
                    config.selection()
                            + ", components at most one per "
                            + TabularConfig.ROWS_PER_COMPONENT
                            + " training rows, seeded per run");
        }
        if (name.equals(AE_ALL_ROWS)) {
            description.put("epochs", "as many as DUAD trained, on every training row");
        }
        description.put("threshold", "training rows' score quantile");
        description.put("targetAlertRate", alertRateText());
        return description;
    }
}
