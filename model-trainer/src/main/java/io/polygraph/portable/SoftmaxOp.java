package io.polygraph.portable;

import io.polygraph.graph.Tensor;

/** Softmax along one axis, with the maximum subtracted first so large logits do not overflow. */
public record SoftmaxOp(long axis) implements PortableOp {

    @Override
    public int[] outputShape(int[][] inputShapes) {
        Shapes.axis(axis, inputShapes[0].length);
        return inputShapes[0].clone();
    }

    @Override
    public void run(Tensor[] inputs, Tensor output) {
        int[] shape = output.shape();
        int along = Shapes.axis(axis, shape.length);
        int length = shape[along];
        int inner = 1;
        for (int a = along + 1; a < shape.length; a++) {
            inner *= shape[a];
        }
        int outer = output.size() / Math.max(1, length * inner);
        float[] in = inputs[0].values();
        float[] out = output.values();
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int start = o * length * inner + i;
                float max = Float.NEGATIVE_INFINITY;
                for (int k = 0; k < length; k++) {
                    max = Math.max(max, in[start + k * inner]);
                }
                double sum = 0;
                for (int k = 0; k < length; k++) {
                    sum += Math.exp(in[start + k * inner] - max);
                }
                for (int k = 0; k < length; k++) {
                    out[start + k * inner] = (float) (Math.exp(in[start + k * inner] - max) / sum);
                }
            }
        }
    }
}
