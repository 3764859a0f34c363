package io.polygraph.portable;

import java.util.List;

/**
 * Turns a stored op into the interpreter's op, checking every argument it does not support rather
 * than running something else: channels-last images, weights in another layout, computed shapes and
 * any op kind outside the detectors' graphs are refused with the op named.
 */
final class OpDecoder {

    /**
     * A decoded op and the variables it reads when it runs (a reshape's target shape is read once,
     * here, and is not one of them).
     */
    record Decoded(PortableOp op, List<String> inputs) {}

    private OpDecoder() {}

    static Decoded decode(GraphNode node, GraphDefinition graph) {
        switch (node.opName()) {
            case "identity":
                return unary(node, UnaryOp.Function.IDENTITY);
            case "relu":
                return unary(node, UnaryOp.Function.RELU);
            case "sigmoid":
                return unary(node, UnaryOp.Function.SIGMOID);
            case "tanh":
                return unary(node, UnaryOp.Function.TANH);
            case "sqrt":
                return unary(node, UnaryOp.Function.SQRT);
            case "add_scalar":
                return unary(node, UnaryOp.Function.ADD);
            case "mul_scalar":
                return unary(node, UnaryOp.Function.MULTIPLY);
            case "div_scalar":
                return unary(node, UnaryOp.Function.DIVIDE);
            case "rsub_scalar":
                return unary(node, UnaryOp.Function.REVERSE_SUBTRACT);
            case "add":
                return binary(node, BroadcastOp.Function.ADD);
            case "subtract":
                return binary(node, BroadcastOp.Function.SUBTRACT);
            case "multiply":
                return binary(node, BroadcastOp.Function.MULTIPLY);
            case "divide":
                return binary(node, BroadcastOp.Function.DIVIDE);
            case "matmul":
                return matmul(node);
            case "xw_plus_b":
                return takes(node, 3, new DenseOp(node.integer(0, 0) == 1));
            case "concat":
                return new Decoded(new ConcatOp(node.integer(0, 0)), node.inputs());
            case "reshape":
                return reshape(node, graph);
            case "conv2d":
                return conv2d(node);
            case "avgpool2d":
                return pooling(node, false);
            case "maxpool2d":
                return pooling(node, true);
            case "reduce_sum":
                return reduction(node, false);
            case "reduce_mean":
                return reduction(node, true);
            case "softmax":
                return takes(node, 1, new SoftmaxOp(node.integer(0, -1)));
            default:
                throw node.unsupported("no portable implementation of this op");
        }
    }

    private static Decoded unary(GraphNode node, UnaryOp.Function function) {
        float constant = node.scalar() == null ? 0f : node.scalar();
        return takes(node, 1, new UnaryOp(function, constant));
    }

    private static Decoded binary(GraphNode node, BroadcastOp.Function function) {
        return takes(node, 2, new BroadcastOp(function));
    }

    private static Decoded matmul(GraphNode node) {
        double alpha = node.reals().length > 0 ? node.reals()[0] : 1.0;
        double beta = node.reals().length > 1 ? node.reals()[1] : 0.0;
        if (beta != 0.0) {
            throw node.unsupported("beta " + beta + " (adding to an existing output)");
        }
        return takes(
                node,
                2,
                new MatMulOp(
                        node.integer(0, 0) == 1,
                        node.integer(1, 0) == 1,
                        node.integer(2, 0) == 1,
                        (float) alpha));
    }

    private static Decoded reshape(GraphNode node, GraphDefinition graph) {
        long[] integers = node.integers();
        // libnd4j marks the order with a negative character code ahead of any shape values.
        boolean ordered = integers.length > 0 && (integers[0] == -'c' || integers[0] == -'f');
        if (ordered && integers[0] == -'f') {
            throw node.unsupported("column-major order");
        }
        if (node.inputs().size() == 2) {
            long[] shape = graph.integerArrays().get(node.inputs().get(1));
            if (shape == null) {
                throw node.unsupported("target shape computed at run time");
            }
            return new Decoded(new ReshapeOp(shape.clone()), node.inputs().subList(0, 1));
        }
        long[] shape = java.util.Arrays.copyOfRange(integers, ordered ? 1 : 0, integers.length);
        return takes(node, 1, new ReshapeOp(shape));
    }

    private static Decoded conv2d(GraphNode node) {
        if (node.integer(9, 0) != 0) {
            throw node.unsupported("channels-last images");
        }
        if (node.integer(10, 0) != 0) {
            throw node.unsupported("weights not laid out [kH, kW, in, out]");
        }
        if (node.inputs().size() != 2 && node.inputs().size() != 3) {
            throw node.unsupported(node.inputs().size() + " inputs");
        }
        return new Decoded(new Conv2dOp(Window2d.of(node)), node.inputs());
    }

    private static Decoded pooling(GraphNode node, boolean max) {
        if (node.integer(10, 0) != 0) {
            throw node.unsupported("channels-last images");
        }
        return takes(node, 1, new Pool2dOp(max, Window2d.of(node), node.integer(9, 0) == 1));
    }

    private static Decoded reduction(GraphNode node, boolean mean) {
        boolean keep = node.booleans().length > 0 && node.booleans()[0];
        return takes(node, 1, new ReduceOp(mean, node.dimensions().clone(), keep));
    }

    private static Decoded takes(GraphNode node, int inputs, PortableOp op) {
        if (node.inputs().size() != inputs) {
            throw node.unsupported(
                    node.inputs().size() + " inputs where " + inputs + " are expected");
        }
        if (node.outputs().size() != 1) {
            throw node.unsupported(node.outputs().size() + " outputs");
        }
        return new Decoded(op, node.inputs());
    }
}
