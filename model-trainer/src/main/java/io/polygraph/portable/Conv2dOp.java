package io.polygraph.portable;

import io.polygraph.graph.Tensor;
import java.util.Arrays;

/**
 * A 2-D convolution over channels-first images {@code [batch, in, height, width]} with weights
 * {@code [kH, kW, in, out]} and an optional bias {@code [out]}, giving {@code [batch, out, oH,
 * oW]}. Runs as one matrix product per image over its unfolded windows.
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
        int channels = images.dimension(1);
        int height = images.dimension(2);
        int width = images.dimension(3);
        int filters = output.dimension(1);
        int outHeight = output.dimension(2);
        int outWidth = output.dimension(3);
        int positions = outHeight * outWidth;
        int patch = window.kernelHeight() * window.kernelWidth() * channels;
        float[] columns = new float[positions * patch];
        float[] product = new float[positions * filters];
        float[] bias = inputs.length > 2 ? inputs[2].values() : null;
        float[] out = output.values();
        int top = window.padTop(height);
        int left = window.padLeft(width);
        for (int b = 0; b < images.dimension(0); b++) {
            unfold(
                    images.values(),
                    b * channels * height * width,
                    channels,
                    height,
                    width,
                    top,
                    left,
                    outHeight,
                    outWidth,
                    columns);
            MatrixProduct.multiply(
                    columns,
                    0,
                    false,
                    inputs[1].values(),
                    0,
                    false,
                    product,
                    positions,
                    patch,
                    filters);
            int base = b * filters * positions;
            for (int f = 0; f < filters; f++) {
                float shift = bias == null ? 0f : bias[f];
                for (int p = 0; p < positions; p++) {
                    out[base + f * positions + p] = product[p * filters + f] + shift;
                }
            }
        }
    }

    /**
     * One image's windows as rows {@code [position, (kh, kw, channel)]}, the order of the weights'
     * first three axes; zeros where a window reaches into the padding.
     */
    private void unfold(
            float[] image,
            int offset,
            int channels,
            int height,
            int width,
            int top,
            int left,
            int outHeight,
            int outWidth,
            float[] columns) {
        int k = 0;
        for (int oh = 0; oh < outHeight; oh++) {
            for (int ow = 0; ow < outWidth; ow++) {
                for (int kh = 0; kh < window.kernelHeight(); kh++) {
                    int ih = oh * window.strideHeight() - top + kh * window.dilationHeight();
                    for (int kw = 0; kw < window.kernelWidth(); kw++) {
                        int iw = ow * window.strideWidth() - left + kw * window.dilationWidth();
                        boolean inside = ih >= 0 && ih < height && iw >= 0 && iw < width;
                        for (int c = 0; c < channels; c++) {
                            columns[k++] =
                                    inside ? image[offset + (c * height + ih) * width + iw] : 0f;
                        }
                    }
                }
            }
        }
    }
}
