package io.polygraph.portable;

import io.polygraph.graph.Tensor;
import java.util.Arrays;

/**
 * Arithmetic on row-major shapes: sizes, strides, axes and broadcasting, shared by the portable ops
 * and the backends that execute their programs.
 */
public final class Shapes {

    private Shapes() {}

    /** The element count of a shape (1 for a scalar). */
    static long size(int[] shape) {
        return Tensor.sizeOf(shape);
    }

    /** Row-major strides of a shape, in elements. */
    public static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            strides[axis] = stride;
            stride *= shape[axis];
        }
        return strides;
    }

    /** A possibly negative axis as an index into a shape of this rank. */
    public static int axis(long axis, int rank) {
        long resolved = axis < 0 ? axis + rank : axis;
        if (resolved < 0 || resolved >= rank) {
            throw new IllegalArgumentException("axis " + axis + " out of range for rank " + rank);
        }
        return (int) resolved;
    }

    /**
     * The shape two operands broadcast to, NumPy's rules: trailing axes aligned, each pair equal or
     * one of them 1.
     */
    static int[] broadcast(int[] left, int[] right) {
        int rank = Math.max(left.length, right.length);
        int[] shape = new int[rank];
        for (int i = 0; i < rank; i++) {
            int l = dimensionFromEnd(left, rank - 1 - i);
            int r = dimensionFromEnd(right, rank - 1 - i);
            if (l != r && l != 1 && r != 1) {
                throw new IllegalArgumentException(
                        "shapes "
                                + Arrays.toString(left)
                                + " and "
                                + Arrays.toString(right)
                                + " do not broadcast");
            }
            shape[i] = l == 1 ? r : l;
        }
        return shape;
    }

    /**
     * Strides for reading an operand of shape {@code operand} at the indices of the broadcast shape
     * {@code target}: 0 along axes the operand lacks or holds once.
     */
    public static int[] broadcastStrides(int[] operand, int[] target) {
        int[] own = strides(operand);
        int[] strides = new int[target.length];
        int offset = target.length - operand.length;
        for (int axis = 0; axis < operand.length; axis++) {
            strides[axis + offset] = operand[axis] == 1 ? 0 : own[axis];
        }
        return strides;
    }

    private static int dimensionFromEnd(int[] shape, int fromEnd) {
        int index = shape.length - 1 - fromEnd;
        return index >= 0 ? shape[index] : 1;
    }
}
