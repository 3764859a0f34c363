package io.polygraph.graph;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What an op's output shapes can depend on, as seen at its last run: each input's shape, strides,
 * order and data type, and the values of its integer inputs (a reshape's target shape, an axis). A
 * step whose inputs match its last signature reuses its last output shapes instead of asking the
 * op's shape function again, which at small batches costs about as much as the op itself.
 */
final class InputSignature {

    private long[][] shapes;
    private long[][] strides;
    private char[] orders;
    private DataType[] types;
    private long[][] integerValues;
    private boolean comparable;

    /**
     * True when {@code inputs} match the signature of the last call; otherwise records theirs and
     * answers false.
     */
    boolean matchesAndUpdate(INDArray[] inputs) {
        if (shapes != null && comparable && matches(inputs)) {
            return true;
        }
        int n = inputs.length;
        shapes = new long[n][];
        strides = new long[n][];
        orders = new char[n];
        types = new DataType[n];
        integerValues = new long[n][];
        comparable = true;
        for (int i = 0; i < n; i++) {
            // Boolean and string inputs can decide an output's size (a mask, say): never reuse.
            comparable &= inputs[i].dataType().isFPType() || inputs[i].dataType().isIntType();
            shapes[i] = inputs[i].shape();
            strides[i] = inputs[i].stride();
            orders[i] = inputs[i].ordering();
            types[i] = inputs[i].dataType();
            integerValues[i] = integerValues(inputs[i]);
        }
        return false;
    }

    private boolean matches(INDArray[] inputs) {
        if (inputs.length != shapes.length) {
            return false;
        }
        for (int i = 0; i < inputs.length; i++) {
            INDArray input = inputs[i];
            if (input.dataType() != types[i]
                    || input.ordering() != orders[i]
                    || !Arrays.equals(input.shape(), shapes[i])
                    || !Arrays.equals(input.stride(), strides[i])
                    || !Arrays.equals(integerValues(input), integerValues[i])) {
                return false;
            }
        }
        return true;
    }

    private static long[] integerValues(INDArray input) {
        return input.dataType().isIntType() ? input.data().asLong() : null;
    }
}
