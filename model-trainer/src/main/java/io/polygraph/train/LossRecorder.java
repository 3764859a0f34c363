package io.polygraph.train;

import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Keeps the loss of the last training iteration, as the sum of the terms feeding it: for CMAD the
 * two terms of Eq. 8, for the autoencoder its reconstruction term.
 *
 * <p>Why this detour: in SameDiff 1.0.0-M2.1, {@code fit} on one {@code MultiDataSet} returns no
 * loss curve, and the training session never executes the loss variable's own op (its gradient does
 * not need its value), so listeners see 0 for it. The terms feeding it (for CMAD named by {@link
 * GraphLayers#cmadLoss}) are executed; this listener reads them as they are computed. A graph whose
 * loss has a single term must therefore add something to it whose gradient needs the term's value
 * (see {@link AutoencoderGraphs}).
 */
final class LossRecorder extends BaseListener {

    private final String[] termNames;
    private final double[] terms;

    /** Records the two Eq. 8 terms of the CMAD loss named {@code lossName}. */
    LossRecorder(String lossName) {
        this(
                new String[] {
                    lossName + GraphLayers.CONSISTENT_SUFFIX,
                    lossName + GraphLayers.INCONSISTENT_SUFFIX
                });
    }

    private LossRecorder(String[] termNames) {
        this.termNames = termNames.clone();
        this.terms = new double[termNames.length];
        Arrays.fill(terms, Double.NaN);
    }

    /** Records a loss that is the sum of the variables named {@code termNames}. */
    static LossRecorder ofTerms(String... termNames) {
        return new LossRecorder(termNames);
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public void iterationStart(SameDiff sd, At at, MultiDataSet data, long etlMs) {
        Arrays.fill(terms, Double.NaN);
    }

    @Override
    public void opExecution(
            SameDiff sd,
            At at,
            MultiDataSet batch,
            SameDiffOp op,
            OpContext context,
            INDArray[] outputs) {
        List<String> names = op.getOutputsOfOp();
        if (names == null) {
            return;
        }
        for (int i = 0; i < names.size() && i < outputs.length; i++) {
            for (int t = 0; t < termNames.length; t++) {
                if (termNames[t].equals(names.get(i))) {
                    terms[t] = outputs[i].getDouble(0);
                }
            }
        }
    }

    /** The loss of the last iteration, NaN before the first. */
    double lastLoss() {
        double sum = 0;
        for (double term : terms) {
            sum += term;
        }
        return sum;
    }
}
