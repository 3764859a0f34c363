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
 * is the same bit for bit. Only the order in which cells are visited differs, for speed: rows are
 * resampled two at a time, whose sums do not depend on each other, so that the processor adds to
 * both at once instead of waiting for each addition to one sum; columns are resampled a whole row
 * of sources at a time, so that the inner loop runs over contiguous memory and can be vectorised.
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
     * Resamples {@code rows} rows of {@code source}, the first starting at {@code offset} and each
     * {@code rowLength} cells after the one before, into the packed rows of {@code target}, {@code
     * size} cells each.
     */
    void alongRows(float[] source, int offset, int rowLength, int rows, float[] target) {
        int row = 0;
        for (; row + 1 < rows; row += 2) {
            int upper = offset + row * rowLength;
            int lower = upper + rowLength;
            int targetStart = row * size;
            for (int i = 0; i < size; i++) {
                double upperSum = 0;
                double lowerSum = 0;
                int at = firstSource[i];
                for (int w = weightStart[i]; w < weightStart[i + 1]; w++) {
                    upperSum += weights[w] * source[upper + at];
                    lowerSum += weights[w] * source[lower + at];
                    at++;
                }
                target[targetStart + i] = (float) (upperSum / step);
                target[targetStart + size + i] = (float) (lowerSum / step);
            }
        }
        if (row < rows) {
            int last = offset + row * rowLength;
            int targetStart = row * size;
            for (int i = 0; i < size; i++) {
                double sum = 0;
                int at = last + firstSource[i];
                for (int w = weightStart[i]; w < weightStart[i + 1]; w++) {
                    sum += weights[w] * source[at++];
                }
                target[targetStart + i] = (float) (sum / step);
            }
        }
    }

    /**
     * Resamples the columns of {@code source}, {@code columns} cells a row, into {@code size} rows
     * of {@code target}, the first starting at {@code targetOffset} and each {@code
     * targetRowLength} cells after the one before.
     */
    void alongColumns(
            float[] source, int columns, float[] target, int targetOffset, int targetRowLength) {
        double[] sums = new double[columns];
        for (int i = 0; i < size; i++) {
            Arrays.fill(sums, 0);
            int sourceRow = firstSource[i];
            for (int w = weightStart[i]; w < weightStart[i + 1]; w++) {
                double weight = weights[w];
                int rowStart = sourceRow * columns;
                for (int x = 0; x < columns; x++) {
                    sums[x] += weight * source[rowStart + x];
                }
                sourceRow++;
            }
            int targetStart = targetOffset + i * targetRowLength;
            for (int x = 0; x < columns; x++) {
                target[targetStart + x] = (float) (sums[x] / step);
            }
        }
    }
}
