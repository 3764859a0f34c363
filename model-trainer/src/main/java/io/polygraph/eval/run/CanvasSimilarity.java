package io.polygraph.eval.run;

import java.util.List;

/** A similarity of signature canvases, higher for more alike, computed pair by pair. */
@FunctionalInterface
interface CanvasSimilarity {

    /** The similarity of {@code a.get(i)} and {@code b.get(i)} for every i. */
    double[] of(List<float[]> a, List<float[]> b);

    /**
     * The Pearson correlation of two canvases (the cosine of the canvases minus their mean ink): a
     * non-learned baseline, high when the ink lies in the same places. The canvases are cropped to
     * the ink and centred, so the same writer's strokes land in roughly the same pixels. A blank
     * canvas correlates 0 with anything.
     */
    static CanvasSimilarity correlation() {
        return (a, b) -> {
            double[] values = new double[a.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = correlation(a.get(i), b.get(i));
            }
            return values;
        };
    }

    private static double correlation(float[] x, float[] y) {
        double meanX = 0;
        double meanY = 0;
        for (int p = 0; p < x.length; p++) {
            meanX += x[p];
            meanY += y[p];
        }
        meanX /= x.length;
        meanY /= y.length;
        double dot = 0;
        double normX = 0;
        double normY = 0;
        for (int p = 0; p < x.length; p++) {
            double dx = x[p] - meanX;
            double dy = y[p] - meanY;
            dot += dx * dy;
            normX += dx * dx;
            normY += dy * dy;
        }
        return normX == 0 || normY == 0 ? 0 : dot / Math.sqrt(normX * normY);
    }
}
