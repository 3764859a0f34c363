package io.polygraph.portable;

import io.polygraph.graph.Tensor;
import java.util.Arrays;

/**
 * 2-D max or average pooling over channels-first images {@code [batch, channels, height, width]}.
 * Padding never wins a maximum; an average divides by the window's values inside the image, or by
 * the whole window when {@code countPadding} (libnd4j's {@code extraParam0} = 1).
 */
public record Pool2dOp(boolean max, Window2d window, boolean countPadding) implements PortableOp {

    @Override
    public int[] outputShape(int[][] inputShapes) {
        int[] x = inputShapes[0];
        if (x.length != 4) {
            throw new IllegalArgumentException("pooling of shape " + Arrays.toString(x));
        }
        return new int[] {x[0], x[1], window.outputHeight(x[2]), window.outputWidth(x[3])};
    }

    @Override
    public void run(Tensor[] inputs, Tensor output) {
        float[] in = inputs[0].values();
        float[] out = output.values();
        int planes = output.dimension(0) * output.dimension(1);
        int height = inputs[0].dimension(2);
        int width = inputs[0].dimension(3);
        int outHeight = output.dimension(2);
        int outWidth = output.dimension(3);
        int top = window.padTop(height);
        int left = window.padLeft(width);
        int k = 0;
        for (int plane = 0; plane < planes; plane++) {
            int base = plane * height * width;
            for (int oh = 0; oh < outHeight; oh++) {
                for (int ow = 0; ow < outWidth; ow++) {
                    double sum = 0;
                    float best = Float.NEGATIVE_INFINITY;
                    int count = 0;
                    for (int kh = 0; kh < window.kernelHeight(); kh++) {
                        int ih = oh * window.strideHeight() - top + kh * window.dilationHeight();
                        for (int kw = 0; kw < window.kernelWidth(); kw++) {
                            int iw = ow * window.strideWidth() - left + kw * window.dilationWidth();
                            if (ih >= 0 && ih < height && iw >= 0 && iw < width) {
                                float value = in[base + ih * width + iw];
                                sum += value;
                                best = Math.max(best, value);
                                count++;
                            }
                        }
                    }
                    int divisor =
                            countPadding ? window.kernelHeight() * window.kernelWidth() : count;
                    out[k++] = max ? best : (float) (sum / divisor);
                }
            }
        }
    }
}
