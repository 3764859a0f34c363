package io.polygraph.portable;

import io.polygraph.graph.Tensor;

/**
 * An op applied to each value alone: activations, square root, identity, and arithmetic with a
 * constant (SameDiff's scalar ops).
 *
 * @param function what is applied
 * @param constant the scalar op's constant (for {@link Function#RELU}, the cut-off); ignored by the
 *     others
 */
public record UnaryOp(Function function, float constant) implements PortableOp {

    /** The functions, each as SameDiff computes it in float32. */
    public enum Function {
        IDENTITY,
        RELU,
        SIGMOID,
        TANH,
        SQRT,
        ADD,
        MULTIPLY,
        DIVIDE,
        REVERSE_SUBTRACT;

        float apply(float x, float constant) {
            switch (this) {
                case IDENTITY:
                    return x;
                case RELU:
                    return x > constant ? x : 0f;
                case SIGMOID:
                    return (float) (1.0 / (1.0 + Math.exp(-x)));
                case TANH:
                    return (float) Math.tanh(x);
                case SQRT:
                    return (float) Math.sqrt(x);
                case ADD:
                    return x + constant;
                case MULTIPLY:
                    return x * constant;
                case DIVIDE:
                    return x / constant;
                case REVERSE_SUBTRACT:
                    return constant - x;
                default:
                    throw new AssertionError(this);
            }
        }
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        return inputShapes[0].clone();
    }

    @Override
    public void run(Tensor[] inputs, Tensor output) {
        float[] in = inputs[0].values();
        float[] out = output.values();
        for (int i = 0; i < in.length; i++) {
            out[i] = function.apply(in[i], constant);
        }
    }
}
