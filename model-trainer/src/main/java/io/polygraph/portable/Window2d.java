package io.polygraph.portable;

/**
 * The sliding window of a 2-D convolution or pooling: kernel, strides, padding and dilation, with
 * libnd4j's output sizes. In "same" mode the output is {@code ceil(in / stride)} and the padding
 * that needs is split with the smaller half before (top, left), as libnd4j and TensorFlow do; in
 * "valid" mode the given padding is applied on both sides.
 */
public record Window2d(
        int kernelHeight,
        int kernelWidth,
        int strideHeight,
        int strideWidth,
        int padHeight,
        int padWidth,
        int dilationHeight,
        int dilationWidth,
        boolean same) {

    /** Reads libnd4j's first nine integer arguments: kH, kW, sH, sW, pH, pW, dH, dW, same. */
    static Window2d of(GraphNode node) {
        if (node.integers().length < 9) {
            throw node.unsupported("expected at least 9 integer arguments");
        }
        int[] a = new int[9];
        for (int i = 0; i < 9; i++) {
            a[i] = Math.toIntExact(node.integers()[i]);
        }
        Window2d window = new Window2d(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8] == 1);
        if (window.kernelHeight < 1
                || window.kernelWidth < 1
                || window.strideHeight < 1
                || window.strideWidth < 1
                || window.dilationHeight < 1
                || window.dilationWidth < 1) {
            throw node.unsupported("window " + window);
        }
        return window;
    }

    public int outputHeight(int inputHeight) {
        return outputSize(inputHeight, kernelHeight, strideHeight, padHeight, dilationHeight);
    }

    public int outputWidth(int inputWidth) {
        return outputSize(inputWidth, kernelWidth, strideWidth, padWidth, dilationWidth);
    }

    /** Rows of padding before the input, top. */
    public int padTop(int inputHeight) {
        return padBefore(inputHeight, kernelHeight, strideHeight, padHeight, dilationHeight);
    }

    /** Columns of padding before the input, left. */
    public int padLeft(int inputWidth) {
        return padBefore(inputWidth, kernelWidth, strideWidth, padWidth, dilationWidth);
    }

    private int outputSize(int in, int kernel, int stride, int pad, int dilation) {
        if (same) {
            return (in + stride - 1) / stride;
        }
        int extent = (kernel - 1) * dilation + 1;
        int size = (in + 2 * pad - extent) / stride + 1;
        if (size < 1) {
            throw new IllegalArgumentException(
                    "window " + this + " does not fit an input of size " + in);
        }
        return size;
    }

    private int padBefore(int in, int kernel, int stride, int pad, int dilation) {
        if (!same) {
            return pad;
        }
        int out = outputSize(in, kernel, stride, pad, dilation);
        int extent = (kernel - 1) * dilation + 1;
        return Math.max(0, ((out - 1) * stride + extent - in) / 2);
    }
}
