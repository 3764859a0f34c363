package io.polygraph.portable;

import io.polygraph.graph.Tensor;
import java.util.Arrays;

/**
 * Gives the values a new shape in row-major order; one dimension may be -1, meaning whatever the
 * size leaves for it.
 */
public record ReshapeOp(long[] target) implements PortableOp {

    @Override
    public int[] outputShape(int[][] inputShapes) {
        long size = Shapes.size(inputShapes[0]);
        int[] shape = new int[target.length];
        int free = -1;
        long known = 1;
        for (int axis = 0; axis < target.length; axis++) {
            if (target[axis] == -1 && free < 0) {
                free = axis;
            } else if (target[axis] < 0) {
                throw new IllegalArgumentException("reshape to " + Arrays.toString(target));
            } else {
                shape[axis] = Math.toIntExact(target[axis]);
                known *= target[axis];
            }
        }
        if (free >= 0 && known > 0) {
            shape[free] = Math.toIntExact(size / known);
            known *= shape[free];
        }
        if (known != size) {
            throw new IllegalArgumentException(
                    "cannot reshape "
                            + Arrays.toString(inputShapes[0])
                            + " to "
                            + Arrays.toString(target));
        }
        return shape;
    }

    @Override
    public void run(Tensor[] inputs, Tensor output) {
        System.arraycopy(inputs[0].values(), 0, output.values(), 0, output.size());
    }
}
