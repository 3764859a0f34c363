package io.polygraph.graph;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense float32 array in row-major order: its shape and the values backing it, the form in which
 * network inputs and outputs cross between the detectors and whichever {@link GraphBackend} runs
 * their graphs.
 *
 * <p>The values array is shared, not copied, so that ops write their results in place and callers
 * fill inputs without a copy; whoever hands a tensor on must not change it afterwards.
 */
public final class Tensor {

    private final int[] shape;
    private final float[] values;

    /**
     * @throws IllegalArgumentException when a dimension is negative or {@code values} does not hold
     *     exactly the shape's element count
     */
    public Tensor(int[] shape, float[] values) {
        this.shape = Objects.requireNonNull(shape, "shape").clone();
        this.values = Objects.requireNonNull(values, "values");
        long size = sizeOf(this.shape);
        if (size != values.length) {
            throw new IllegalArgumentException(
                    "shape "
                            + Arrays.toString(shape)
                            + " holds "
                            + size
                            + " values, not "
                            + values.length);
        }
    }

    /** A tensor of zeros. */
    public static Tensor zeros(int... shape) {
        return new Tensor(shape, new float[Math.toIntExact(sizeOf(shape))]);
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** The length of dimension {@code axis}. */
    public int dimension(int axis) {
        return shape[axis];
    }

    public int rank() {
        return shape.length;
    }

    /** The number of values. */
    public int size() {
        return values.length;
    }

    /** A copy of the values as doubles, row-major (what detectors compute scores with). */
    public double[] toDoubles() {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }

    /** The backing values, row-major (shared: see the class comment). */
    public float[] values() {
        return values;
    }

    /**
     * The element count of a shape (1 for a scalar).
     *
     * @throws IllegalArgumentException when a dimension is negative
     */
    public static long sizeOf(int[] shape) {
        long size = 1;
        for (int dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException(
                        "negative dimension in shape " + Arrays.toString(shape));
            }
            size *= dimension;
        }
        return size;
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
