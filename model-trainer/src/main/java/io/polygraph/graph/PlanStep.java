package io.polygraph.graph;

import org.nd4j.common.util.ArrayUtil;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One op of an {@link InferencePlan}: reads its inputs from the run's value slots and writes its
 * outputs into them.
 *
 * <p>Each step keeps the output arrays of its previous run and writes into them again when the
 * shape asked for is the same, so that a scorer called over and over with batches of one size
 * allocates no native memory per op (SameDiff's sessions do the same with their array cache). A
 * shape that needs no more elements than the largest made so far for that output is laid over the
 * start of that array's buffer: a stream's batches differ in size from call to call (and so do the
 * rows of each modality within a batch), and a fresh native buffer per op and call, large ones
 * zeroed page by page by the operating system, was about a seventh of the scoring time at batch
 * 256. The array laid over the buffer is dense, C-ordered and starts at offset 0, as a new one
 * would. The plan hands copies of its outputs to callers, so no reused array escapes a run.
 */
abstract class PlanStep {

    private final String name;
    private final int[] inputs;
    private final int[] outputs;
    private final INDArray[] previous;
    private final LongShapeDescriptor[] previousShapes;
    private final DataBuffer[] largest;

    PlanStep(String name, int[] inputs, int[] outputs) {
        this.name = name;
        this.inputs = inputs;
        this.outputs = outputs;
        this.previous = new INDArray[outputs.length];
        this.previousShapes = new LongShapeDescriptor[outputs.length];
        this.largest = new DataBuffer[outputs.length];
    }

    /** Executes the op on {@code values}, filling its output slots. */
    abstract void run(INDArray[] values);

    /** The op's name in the graph, for error messages. */
    final String name() {
        return name;
    }

    final int outputCount() {
        return outputs.length;
    }

    final INDArray[] inputsOf(INDArray[] values) {
        INDArray[] args = new INDArray[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            args[i] = values[inputs[i]];
        }
        return args;
    }

    final void setOutput(INDArray[] values, int index, INDArray array) {
        values[outputs[index]] = array;
    }

    /**
     * An array of {@code shape} for output {@code index}: last run's when it was made for the same
     * shape, else one over the largest buffer made for this output when that is large enough,
     * otherwise a new one. Left uninitialised, as SameDiff leaves its arrays: every op writes all
     * of its output.
     */
    final INDArray outputArray(int index, LongShapeDescriptor shape) {
        if (shape.equals(previousShapes[index])) {
            return previous[index];
        }
        INDArray array = shape.isEmpty() ? Nd4j.create(shape) : denseArray(index, shape);
        previous[index] = array;
        previousShapes[index] = shape;
        return array;
    }

    private INDArray denseArray(int index, LongShapeDescriptor shape) {
        long[] dimensions = shape.getShape();
        DataBuffer buffer = largest[index];
        if (buffer != null
                && buffer.dataType() == shape.dataType()
                && buffer.length() >= ArrayUtil.prodLong(dimensions)) {
            return Nd4j.create(
                    buffer, dimensions, Nd4j.getStrides(dimensions, 'c'), 0, 'c', shape.dataType());
        }
        // Made as SameDiff's array cache makes a new array, from the shape alone: an array
        // made from the shape function's full descriptor can take another kernel path in some
        // ops (xw_plus_b at batch 16 then differs in the last bit).
        INDArray created = Nd4j.createUninitializedDetached(shape.dataType(), dimensions);
        largest[index] = created.data();
        return created;
    }
}
