package io.polygraph.portable;

import java.util.List;

/**
 * One op of a stored graph as the file describes it: its kind, the variables it reads and writes,
 * and its arguments, not yet checked.
 *
 * @param name the op's own name, for messages
 * @param opName the op kind, as SameDiff names it ({@code conv2d}, {@code add_scalar})
 * @param inputs names of the variables it reads, in argument order
 * @param outputs names of the variables it writes
 * @param integers integer arguments
 * @param reals floating-point arguments
 * @param booleans boolean arguments
 * @param dimensions axes of a reduction
 * @param scalar the constant of a scalar op, or null
 */
record GraphNode(
        String name,
        String opName,
        List<String> inputs,
        List<String> outputs,
        long[] integers,
        double[] reals,
        boolean[] booleans,
        int[] dimensions,
        Float scalar) {

    /** Integer argument {@code index}, or {@code fallback} when the op has fewer. */
    long integer(int index, long fallback) {
        return index < integers.length ? integers[index] : fallback;
    }

    /** An exception naming this op, for arguments or inputs the interpreter cannot run. */
    UnsupportedOperationException unsupported(String why) {
        return new UnsupportedOperationException(opName + " op " + name + ": " + why);
    }
}
