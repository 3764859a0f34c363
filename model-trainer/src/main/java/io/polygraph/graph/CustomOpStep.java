package io.polygraph.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A custom (libnd4j declarable) op, executed as SameDiff's inference session executes it: inputs
 * and the op's own integer, float, boolean and data-type arguments into a context, output shapes
 * from the op's shape function, outputs in the data types the graph declares.
 *
 * <p>Unlike the session, the step keeps its context from run to run and only passes it what changed
 * (each native argument buffer costs an allocation), and for the ops of {@link #SHAPE_STABLE} it
 * asks the shape function again only when the inputs' signature ({@link InputSignature}) or the
 * op's arguments change.
 */
final class CustomOpStep extends PlanStep {

    /**
     * Ops whose output shapes follow from their inputs' shapes, integer inputs and arguments alone:
     * those of the library's graphs. Any other op asks its shape function every run.
     */
    static final Set<String> SHAPE_STABLE =
            Set.of(
                    "add",
                    "subtract",
                    "multiply",
                    "divide",
                    "concat",
                    "xw_plus_b",
                    "matmul",
                    "conv2d",
                    "avgpool2d",
                    "maxpool2d",
                    "reshape",
                    "softmax");

    private final DynamicCustomOp op;
    private final DataType[] outputTypes;
    private final BoundContext bound;
    private final boolean shapeStable;
    private final InputSignature signature = new InputSignature();
    private OpArguments arguments;
    private List<LongShapeDescriptor> shapes;

    CustomOpStep(DynamicCustomOp op, int[] inputs, int[] outputs, DataType[] outputTypes) {
        super(op.getOwnName(), inputs, outputs);
        this.op = op;
        this.outputTypes = outputTypes;
        this.bound = new BoundContext(inputs.length, outputs.length);
        this.shapeStable = SHAPE_STABLE.contains(op.opName());
    }

    @Override
    void run(INDArray[] values) {
        INDArray[] args = inputsOf(values);
        bound.bindInputs(args);
        OpArguments current = OpArguments.of(op);
        boolean argumentsChanged = !current.equals(arguments);
        if (argumentsChanged) {
            current.applyTo(bound.context());
            arguments = current;
        }
        boolean sameSignature = signature.matchesAndUpdate(args);
        if (!shapeStable || argumentsChanged || !sameSignature || shapes == null) {
            shapes = outputShapes();
        }
        for (int i = 0; i < outputCount(); i++) {
            INDArray out = outputArray(i, shapes.get(i));
            bound.bindOutput(i, out);
            setOutput(values, i, out);
        }
        Nd4j.exec(op, bound.context());
    }

    private List<LongShapeDescriptor> outputShapes() {
        List<LongShapeDescriptor> computed = op.calculateOutputShape(bound.context());
        if (computed == null || computed.size() != outputCount()) {
            throw new IllegalStateException(
                    "op " + name() + " (" + op.opName() + ") gave " + computed + " output shapes");
        }
        LongShapeDescriptor[] typed = computed.toArray(LongShapeDescriptor[]::new);
        for (int i = 0; i < typed.length; i++) {
            // Shape functions cannot always tell which of an op's valid output types is meant;
            // SameDiff takes the declared variable's type, and so must a run that matches it.
            if (typed[i].dataType() != outputTypes[i]) {
                typed[i] = typed[i].asDataType(outputTypes[i]);
            }
        }
        return Arrays.asList(typed);
    }
}
