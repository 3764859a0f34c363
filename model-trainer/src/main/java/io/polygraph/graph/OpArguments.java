package io.polygraph.graph;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;

/**
 * The non-array arguments of a custom op at one run (integers, floats, booleans, data types), so
 * that a step can tell when they change and only then copy them into its native context.
 */
record OpArguments(long[] integers, double[] floats, boolean[] booleans, DataType[] types) {

    static OpArguments of(DynamicCustomOp op) {
        return new OpArguments(op.iArgs(), op.tArgs(), op.bArgs(), op.dArgs());
    }

    void applyTo(OpContext context) {
        context.setIArguments(integers);
        context.setTArguments(floats);
        context.setBArguments(booleans);
        context.setDArguments(types);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpArguments that
                && Arrays.equals(integers, that.integers)
                && Arrays.equals(floats, that.floats)
                && Arrays.equals(booleans, that.booleans)
                && Arrays.equals(types, that.types);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(integers) ^ Arrays.hashCode(floats);
    }

    @Override
    public String toString() {
        return "OpArguments"
                + Arrays.toString(integers)
                + Arrays.toString(floats)
                + Arrays.toString(booleans)
                + Arrays.toString(types);
    }
}
