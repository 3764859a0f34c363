package io.polygraph.gan.mmoc;

import io.polygraph.detector.RowAnomalyModel;
import io.polygraph.features.Standardizer;
import io.polygraph.gan.DenseStack;
import io.polygraph.gan.DivergenceCheck;
import io.polygraph.gan.FeatureRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A trained MMOC-GAN discriminator with its input scaling and alert threshold: per-row anomaly
 * scores of feature vectors.
 *
 * <p>Contract: {@link #score} scales each row with the stored {@link Standardizer} (fitted on the
 * training rows), runs the discriminator, and returns {@code 1 - P(real)}, the discriminator's
 * probability that the row is not normal, in [0, 1], higher meaning more anomalous. Each row's
 * score depends on that row alone. A row is an alert when its score is above {@link #threshold()}
 * (chosen by the stored {@link ThresholdRule}). Inference runs in chunks of {@value #CHUNK} rows to
 * bound memory. {@link #save}/{@link #load} write and read the whole model (graph, scaling,
 * threshold) as one versioned stream. Not thread-safe (a SameDiff graph keeps per-session state):
 * one instance per thread.
 */
public final class MmocModel implements RowAnomalyModel {

    static final String INPUT = "mmoc_input";
    static final String ANOMALY = "mmoc_anomaly";
    static final int CHUNK = 1024;

    private final SameDiff graph;
    private final Standardizer standardizer;
    private final ThresholdRule thresholdRule;
    private final double threshold;

    MmocModel(
            SameDiff graph,
            Standardizer standardizer,
            ThresholdRule thresholdRule,
            double threshold) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.standardizer = Objects.requireNonNull(standardizer, "standardizer");
        this.thresholdRule = Objects.requireNonNull(thresholdRule, "thresholdRule");
        this.threshold = threshold;
        for (String name : new String[] {INPUT, ANOMALY}) {
            if (graph.getVariable(name) == null) {
                throw new IllegalArgumentException("scoring graph lacks " + name);
            }
        }
    }

    /** An inference graph {@code INPUT -> 1 - sigmoid(D(INPUT))}, D's weights as constants. */
    static SameDiff scoringGraph(DenseStack discriminator, int width) {
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, width);
        SDVariable logits = discriminator.constantCopyIn(sd).apply(input);
        // 1 - sigmoid(l) = sigmoid(-l), exact where 1 - p would round to 0.
        sd.nn.sigmoid(logits.neg()).rename(ANOMALY);
        return sd;
    }

    /**
     * A model whose threshold is set by its rule from its scores on {@code trainingRows}.
     *
     * @throws io.polygraph.gan.TrainingDivergedException when those scores are not all finite or
     *     all equal: no threshold on them would mean anything (checked here, where they are
     *     computed anyway)
     */
    MmocModel thresholdedOn(INDArray trainingRows) {
        double[] scores = score(trainingRows);
        DivergenceCheck.trainingScores(MmocTrainer.PROGRESS, scores);
        return new MmocModel(graph, standardizer, thresholdRule, thresholdRule.threshold(scores));
    }

    /**
     * The anomaly score of each row of {@code features}, [rows, {@link #width()}] in the units the
     * model was trained on (it scales them itself).
     */
    public double[] score(INDArray features) {
        FeatureRows.checkWidth(features, width());
        long rows = features.size(0);
        double[] scores = new double[Math.toIntExact(rows)];
        for (long start = 0; start < rows; start += CHUNK) {
            long end = Math.min(rows, start + CHUNK);
            INDArray chunk = features.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            INDArray out =
                    graph.output(Map.of(INPUT, FeatureRows.scaled(standardizer, chunk)), ANOMALY)
                            .get(ANOMALY);
            double[] values = out.castTo(DataType.DOUBLE).data().asDouble();
            System.arraycopy(values, 0, scores, (int) start, values.length);
        }
        return scores;
    }

    /** Whether {@code score} raises an alert: it is above the threshold. */
    public boolean isAlert(double score) {
        return score > threshold;
    }

    /** The alert threshold on {@link #score}. */
    public double threshold() {
        return threshold;
    }

    /** The rule the threshold was chosen by. */
    public ThresholdRule thresholdRule() {
        return thresholdRule;
    }

    /**
     * {@link #score}, the rows' raw scores as a {@link io.polygraph.detector.RowModelDetector}
     * reads them.
     */
    @Override
    public double[] rawScores(INDArray rows) {
        return score(rows);
    }

    /** Number of feature columns. */
    @Override
    public int width() {
        return standardizer.width();
    }

    /** The input scaling fitted on the training rows. */
    public Standardizer standardizer() {
        return standardizer;
    }

    /** Writes the model to {@code out} (see {@link MmocModelFormat}); does not close it. */
    @Override
    public void save(OutputStream out) throws IOException {
        MmocModelFormat.write(this, out);
    }

    /** Reads a model written by {@link #save}; reads exactly what {@code save} wrote. */
    public static MmocModel load(InputStream in) throws IOException {
        return MmocModelFormat.read(in);
    }

    SameDiff graph() {
        return graph;
    }
}
