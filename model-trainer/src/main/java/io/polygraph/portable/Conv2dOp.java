package io.polygraph.portable;

import io.polygraph.graph.Tensor;
import java.util.Arrays;

/**
 * A 2-D convolution over channels-first images {@code [batch, in, height, width]} with weights
 * {@code [kH, kW, in, out]} and an optional bias {@code [out]}, giving {@code [batch, out, oH,
 * oW]}. Each output position sums its window's values times the weights, in double and in the order
 * {@code (kh, kw, channel)} of the weights' first three axes, straight from the image: no windows
 * are unfolded into a copy first (that copy took twice the time of the arithmetic).
 */
public record Conv2dOp(Window2d window) implements PortableOp {

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] x = inputShapes[0];
        int[] w = inputShapes[1];
        if (x.length != 4
                || w.length != 4
                || w[0] != window.kernelHeight()
                || w[1] != window.kernelWidth()
                || w[2] != x[1]
                || (inputShapes.length > 2 && Shapes.size(inputShapes[2]) != w[3])) {
            throw new IllegalArgumentException(
                    "conv2d of images "
                            + Arrays.toString(x)
                            + " with weights "
                            + Arrays.toString(w)
                            + " and window "
                            + window);
        }
        return new int[] {x[0], w[3], window.outputHeight(x[2]), window.outputWidth(x[3])};
    }

    @Override
    public void run(Tensor[] inputs, Tensor output) {
        Tensor images = inputs[0];
        float[] x = images.values();
        float[] weights = inputs[1].values();
        float[] bias = inputs.length > 2 ? inputs[2].values() : null;
        float[] out = output.values();
        int channels = images.dimension(1);
        int height = images.dimension(2);
        int width = images.dimension(3);
        int plane = height * width;
        int filters = output.dimension(1);
        int outHeight = output.dimension(2);
        int outWidth = output.dimension(3);
        int positions = outHeight * outWidth;
        int top = window.padTop(height);
        int left = window.padLeft(width);
        double[] sums = new double[filters];
        for (int b = 0; b < images.dimension(0); b++) {
            int image = b * channels * plane;
            int base = b * filters * positions;
            for (int oh = 0; oh < outHeight; oh++) {
                for (int ow = 0; ow < outWidth; ow++) {
                    Arrays.fill(sums, 0.0);
                    for (int kh = 0; kh < window.kernelHeight(); kh++) {
                        int ih = oh * window.strideHeight() - top + kh * window.dilationHeight();
                        if (ih < 0 || ih >= height) {
                            continue;
                        }
                        for (int kw = 0; kw < window.kernelWidth(); kw++) {
                            int iw = ow * window.strideWidth() - left + kw * window.dilationWidth();
                            if (iw < 0 || iw >= width) {
                                continue;
                            }
                            int pixel = image + ih * width + iw;
                            int tap = (kh * window.kernelWidth() + kw) * channels * filters;
                            for (int c = 0; c < channels; c++) {
                                float value = x[pixel + c * plane];
                                // Signature canvases are mostly blank: skipping zeros (and the
                                // padding, never read) changes no sum.
                                if (value == 0f) {
                                    continue;
                                }
                                int row = tap + c * filters;
                                for (int f = 0; f < filters; f++) {
                                    sums[f] += value * weights[row + f];
                                }
                            }
                        }
                    }
                    int position = oh * outWidth + ow;
                    for (int f = 0; f < filters; f++) {
                        float shift = bias == null ? 0f : bias[f];
                        out[base + f * positions + position] = (float) sums[f] + shift;
                    }
                }
            }
        }
    }
}
