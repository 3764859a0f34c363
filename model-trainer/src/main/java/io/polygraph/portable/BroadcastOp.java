package io.polygraph.portable;

import io.polygraph.graph.Tensor;

/** Element-wise arithmetic of two arrays, broadcast by NumPy's rules. */
public record BroadcastOp(Function function) implements PortableOp {

    /** The arithmetic. */
    public enum Function {
        ADD,
        SUBTRACT,
        MULTIPLY,
        DIVIDE;

        float apply(float x, float y) {
            switch (this) {
                case ADD:
                    return x + y;
                case SUBTRACT:
                    return x - y;
                case MULTIPLY:
                    return x * y;
                case DIVIDE:
                    return x / y;
                default:
                    throw new AssertionError(this);
            }
        }
    }

    @Override
    public int[] outputShape(int[][] inputShapes) {
        return Shapes.broadcast(inputShapes[0], inputShapes[1]);
    }

    @Override
    public void run(Tensor[] inputs, Tensor output) {
        float[] x = inputs[0].values();
        float[] y = inputs[1].values();
        float[] out = output.values();
        if (x.length == out.length && y.length == out.length) {
            for (int i = 0; i < out.length; i++) {
                out[i] = function.apply(x[i], y[i]);
            }
            return;
        }
        int[] shape = output.shape();
        int[] xStrides = Shapes.broadcastStrides(inputs[0].shape(), shape);
        int[] yStrides = Shapes.broadcastStrides(inputs[1].shape(), shape);
        int[] index = new int[shape.length];
        int xOffset = 0;
        int yOffset = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = function.apply(x[xOffset], y[yOffset]);
            // Odometer over the output's indices, moving both operands' offsets along.
            for (int axis = shape.length - 1; axis >= 0; axis--) {
                xOffset += xStrides[axis];
                yOffset += yStrides[axis];
                if (++index[axis] < shape[axis]) {
                    break;
                }
                xOffset -= xStrides[axis] * shape[axis];
                yOffset -= yStrides[axis] * shape[axis];
                index[axis] = 0;
            }
        }
    }
}
