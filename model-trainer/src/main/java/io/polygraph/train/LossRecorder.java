package io.polygraph.train;

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
 * Keeps the Eq. 8 loss of the last training iteration, as the sum of its two terms.
 *
 * <p>Why this detour: in SameDiff 1.0.0-M2.1, {@code fit} on one {@code MultiDataSet} returns no
 * loss curve, and the training session never executes the loss variable's own op (its gradient does
 * not need its value), so listeners see 0 for it. The two terms feeding it, named by {@link
 * GraphLayers#cmadLoss}, are executed; this listener reads them as they are computed.
 */
final class LossRecorder extends BaseListener {

    private final String consistentName;
    private final String inconsistentName;
    private double consistent = Double.NaN;
    private double inconsistent = Double.NaN;

    LossRecorder(String lossName) {
        this.consistentName = lossName + GraphLayers.CONSISTENT_SUFFIX;
        this.inconsistentName = lossName + GraphLayers.INCONSISTENT_SUFFIX;
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public void iterationStart(SameDiff sd, At at, MultiDataSet data, long etlMs) {
        consistent = Double.NaN;
        inconsistent = Double.NaN;
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
            if (consistentName.equals(names.get(i))) {
                consistent = outputs[i].getDouble(0);
            } else if (inconsistentName.equals(names.get(i))) {
                inconsistent = outputs[i].getDouble(0);
            }
        }
    }

    /** The loss of the last iteration, NaN before the first. */
    double lastLoss() {
        return consistent + inconsistent;
    }
}
