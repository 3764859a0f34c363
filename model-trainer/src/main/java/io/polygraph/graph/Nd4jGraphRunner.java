package io.polygraph.graph;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A SameDiff graph run through an {@link InferencePlan}, with tensors copied into native memory
 * once on the way in and once on the way out. Not thread-safe (the plan reuses its arrays).
 */
public final class Nd4jGraphRunner implements GraphRunner {

    private final InferencePlan plan;

    /** Compiles {@code graph}'s {@code outputs}; weights set on the graph later are used. */
    public Nd4jGraphRunner(SameDiff graph, String... outputs) {
        this.plan = InferencePlan.compile(graph, outputs);
    }

    @Override
    public Map<String, Tensor> run(Map<String, Tensor> placeholders) {
        Map<String, INDArray> arrays = toArrays(placeholders);
        Map<String, Tensor> outputs = new LinkedHashMap<>();
        plan.output(arrays).forEach((name, array) -> outputs.put(name, toTensor(array)));
        return outputs;
    }

    /** Each tensor as an ND4J array, in a map the caller may add to. */
    public static Map<String, INDArray> toArrays(Map<String, Tensor> tensors) {
        Map<String, INDArray> arrays = new HashMap<>();
        tensors.forEach((name, tensor) -> arrays.put(name, toArray(tensor)));
        return arrays;
    }

    /** The tensor as an ND4J array of the same shape (one copy into native memory). */
    public static INDArray toArray(Tensor tensor) {
        long[] shape = new long[tensor.rank()];
        for (int axis = 0; axis < shape.length; axis++) {
            shape[axis] = tensor.dimension(axis);
        }
        return Nd4j.createFromArray(tensor.values()).reshape(shape);
    }

    /** An ND4J array as a tensor (one copy out of native memory). */
    public static Tensor toTensor(INDArray array) {
        long[] shape = array.shape();
        int[] dimensions = new int[shape.length];
        for (int axis = 0; axis < shape.length; axis++) {
            dimensions[axis] = Math.toIntExact(shape[axis]);
        }
        INDArray floats = array.dataType() == DataType.FLOAT ? array : array.castTo(DataType.FLOAT);
        return new Tensor(dimensions, floats.dup('c').data().asFloat());
    }
}
