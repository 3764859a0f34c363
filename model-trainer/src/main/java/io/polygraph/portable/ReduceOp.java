package io.polygraph.portable;

import io.polygraph.graph.Tensor;

/**
 * Sum or mean over some axes (all of them when none are named), the reduced axes kept as 1s or
 * dropped.
 */
public record ReduceOp(boolean mean, int[] axes, boolean keepDimensions) implements PortableOp {

    @Override
    public int[] outputShape(int[][] inputShapes) {
        boolean[] reduced = reduced(inputShapes[0].length);
        int[] in = inputShapes[0];
        int kept = 0;
        for (int axis = 0; axis < in.length; axis++) {
            if (!reduced[axis] || keepDimensions) {
                kept++;
            }
        }
        int[] shape = new int[kept];
        int k = 0;
        for (int axis = 0; axis < in.length; axis++) {
            if (!reduced[axis]) {
                shape[k++] = in[axis];
            } else if (keepDimensions) {
                shape[k++] = 1;
            }
        }
        return shape;
    }

    @Override
    public void run(Tensor[] inputs, Tensor output) {
        int[] shape = inputs[0].shape();
        boolean[] reduced = reduced(shape.length);
        // Where each input index lands in the output: the output's strides, 0 along reduced axes.
        int[] kept = new int[shape.length];
        for (int axis = 0; axis < shape.length; axis++) {
            kept[axis] = reduced[axis] ? 1 : shape[axis];
        }
        int[] strides = Shapes.strides(kept);
        for (int axis = 0; axis < shape.length; axis++) {
            if (reduced[axis]) {
                strides[axis] = 0;
            }
        }
        double[] sums = new double[output.size()];
        float[] in = inputs[0].values();
        int[] index = new int[shape.length];
        int offset = 0;
        for (float value : in) {
            sums[offset] += value;
            for (int axis = shape.length - 1; axis >= 0; axis--) {
                offset += strides[axis];
                if (++index[axis] < shape[axis]) {
                    break;
                }
                offset -= strides[axis] * shape[axis];
                index[axis] = 0;
            }
        }
        long count = output.size() == 0 ? 1 : in.length / output.size();
        float[] out = output.values();
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (mean ? sums[i] / count : sums[i]);
        }
    }

    /** Which axes of an input of this rank the op reduces. */
    public boolean[] reduced(int rank) {
        boolean[] reduced = new boolean[rank];
        if (axes.length == 0) {
            java.util.Arrays.fill(reduced, true);
        }
        for (int axis : axes) {
            reduced[Shapes.axis(axis, rank)] = true;
        }
        return reduced;
    }
}
