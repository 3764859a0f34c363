package io.polygraph.features;

import java.util.Arrays;

/**
 * Area-averaging resampling of a line of {@code length} cells onto {@code size} cells: each new
 * cell is the coverage-weighted mean of the source cells it overlaps. The overlaps depend only on
 * the two lengths, so they are worked out once per image and then applied to every row (or column)
 * of it, instead of once per line. Package-private: a part of {@link InkCanvas}.
 *
 * <p>The arithmetic is the one a per-line loop does, in the same order (double products and sums
 * over the sources from left to right, divided by the step, rounded to float once), so the result
 * is the same bit for bit.
 */
final class AreaResampling {

    private final int size;
    private final double step;
    private final int[] firstSource;
    private final int[] weightStart;
    private final double[] weights;

    private AreaResampling(int length, int size) {
        this.size = size;
        this.step = (double) length / size;
        this.firstSource = new int[size];
        this.weightStart = new int[size + 1];
        double[] all = new double[length + 2 * size];
        int count = 0;
        for (int i = 0; i < size; i++) {
            double from = i * step;
            double to = from + step;
            int first = (int) Math.floor(from);
            firstSource[i] = first;
            weightStart[i] = count;
            for (int j = first; j < Math.min(length, Math.ceil(to)); j++) {
                all[count++] = Math.min(to, j + 1) - Math.max(from, j);
            }
        }
        weightStart[size] = count;
        this.weights = Arrays.copyOf(all, count);
    }

    /** The resampling of {@code length} cells onto {@code size}; both at least 1. */
    static AreaResampling of(int length, int size) {
        if (length < 1 || size < 1) {
            throw new IllegalArgumentException("lengths must be positive: " + length + ", " + size);
        }
        return new AreaResampling(length, size);
    }

    /**
     * Resamples the line that starts at {@code offset} of {@code source} with cells {@code stride}
     * apart into {@code target}, cell {@code i} at {@code targetOffset + i * targetStride}.
     */
    void apply(
            float[] source,
            int offset,
            int stride,
            float[] target,
            int targetOffset,
            int targetStride) {
        for (int i = 0; i < size; i++) {
            double sum = 0;
            int at = offset + firstSource[i] * stride;
            for (int w = weightStart[i]; w < weightStart[i + 1]; w++) {
                sum += weights[w] * source[at];
                at += stride;
            }
            target[targetOffset + i * targetStride] = (float) (sum / step);
        }
    }
}
