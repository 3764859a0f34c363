package io.polygraph.portable;

import io.polygraph.graph.Tensor;

/**
 * One op of a compiled graph: how its output's shape follows from its inputs' shapes, and what it
 * computes, in plain Java.
 *
 * <p>{@link #run} is the reference meaning of the op, the one other backends are checked against;
 * it writes every value of {@code output}, whatever that array held before, so outputs can be
 * reused from batch to batch.
 */
public interface PortableOp {

    /**
     * The shape of the output for inputs of these shapes.
     *
     * @throws IllegalArgumentException when the inputs do not fit the op
     */
    int[] outputShape(int[][] inputShapes);

    /** Computes {@code output} (of {@link #outputShape}) from {@code inputs}. */
    void run(Tensor[] inputs, Tensor output);
}
