package io.polygraph.graph;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseOp;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A legacy op (transform, scalar, reduce, pairwise) with one or two array inputs, executed as
 * SameDiff's inference session executes it: its dimensions and scalar stay on the op object, its
 * arrays go through a context, its output shape comes from the op.
 *
 * <p>A legacy op's output shape follows from its inputs' shapes and its own fixed dimensions, so
 * the step asks for it again only when the inputs' signature changes; it keeps its context and
 * passes it only the input arrays that changed.
 */
final class LegacyOpStep extends PlanStep {

    private final BaseOp op;
    private final BoundContext bound;
    private final InputSignature signature = new InputSignature();
    private LongShapeDescriptor shape;

    LegacyOpStep(BaseOp op, int[] inputs, int[] outputs) {
        super(op.getOwnName(), inputs, outputs);
        if (inputs.length < 1 || inputs.length > 2 || outputs.length != 1) {
            throw new UnsupportedOperationException(
                    "legacy op "
                            + op.getOwnName()
                            + " has "
                            + inputs.length
                            + " inputs and "
                            + outputs.length
                            + " outputs");
        }
        this.op = op;
        this.bound = new BoundContext(inputs.length, outputs.length);
    }

    @Override
    void run(INDArray[] values) {
        INDArray[] args = inputsOf(values);
        bound.bindInputs(args);
        if (!signature.matchesAndUpdate(args) || shape == null) {
            List<LongShapeDescriptor> shapes = op.calculateOutputShape(bound.context());
            if (shapes == null || shapes.size() != 1) {
                throw new IllegalStateException(
                        "op "
                                + name()
                                + " ("
                                + op.opName()
                                + ") gave "
                                + shapes
                                + " output shapes");
            }
            shape = shapes.get(0);
        }
        INDArray out = outputArray(0, shape);
        bound.bindOutput(0, out);
        setOutput(values, 0, out);
        Nd4j.exec(op, bound.context());
    }
}
