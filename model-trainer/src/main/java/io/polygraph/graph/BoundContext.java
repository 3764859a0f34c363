package io.polygraph.graph;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A step's native op context, kept from run to run: an array is passed to it only when it is not
 * the one already bound at that position, since every binding is a native call. Holding the bound
 * arrays also keeps their native memory alive for as long as the context points at it.
 */
final class BoundContext {

    private final OpContext context = Nd4j.getExecutioner().buildContext();
    private final INDArray[] inputs;
    private final INDArray[] outputs;

    BoundContext(int inputCount, int outputCount) {
        this.inputs = new INDArray[inputCount];
        this.outputs = new INDArray[outputCount];
    }

    OpContext context() {
        return context;
    }

    void bindInputs(INDArray[] arrays) {
        for (int i = 0; i < arrays.length; i++) {
            if (arrays[i] != inputs[i]) {
                context.setInputArray(i, arrays[i]);
                inputs[i] = arrays[i];
            }
        }
    }

    void bindOutput(int index, INDArray array) {
        if (array != outputs[index]) {
            context.setOutputArray(index, array);
            outputs[index] = array;
        }
    }
}
