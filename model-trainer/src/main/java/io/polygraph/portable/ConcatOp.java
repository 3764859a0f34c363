package io.polygraph.portable;

import io.polygraph.graph.Tensor;
import java.util.Arrays;

/** Joins arrays along one axis; all other axes must agree. */
public record ConcatOp(long axis) implements PortableOp {

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] shape = inputShapes[0].clone();
        int along = Shapes.axis(axis, shape.length);
        for (int i = 1; i < inputShapes.length; i++) {
            int[] other = inputShapes[i];
            for (int a = 0; a < shape.length; a++) {
                if (other.length != shape.length || (a != along && other[a] != shape[a])) {
                    throw new IllegalArgumentException(
                            "concat along axis "
                                    + axis
                                    + " of "
                                    + Arrays.toString(inputShapes[0])
                                    + " and "
                                    + Arrays.toString(other));
                }
            }
            shape[along] += other[along];
        }
        return shape;
    }

    @Override
    public void run(Tensor[] inputs, Tensor output) {
        int[] shape = output.shape();
        int along = Shapes.axis(axis, shape.length);
        int outer = 1;
        for (int a = 0; a < along; a++) {
            outer *= shape[a];
        }
        int outBlock = output.size() / Math.max(1, outer);
        float[] out = output.values();
        int start = 0;
        for (Tensor input : inputs) {
            int block = input.size() / Math.max(1, outer);
            for (int o = 0; o < outer; o++) {
                System.arraycopy(input.values(), o * block, out, o * outBlock + start, block);
            }
            start += block;
        }
    }
}
