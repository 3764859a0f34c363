package io.polygraph.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A named curve of operating points, such as a ROC or precision-recall curve, ordered from the
 * strictest threshold (fewest flagged) to the most lenient.
 *
 * <p>Contract: the axis names say what the points' {@code x} and {@code y} measure, so that a curve
 * read back from JSON explains itself. An empty point list means the curve is undefined (a class
 * was missing), as the matching area metric is then NaN.
 *
 * @param xAxis what {@link CurvePoint#x} measures
 * @param yAxis what {@link CurvePoint#y} measures
 * @param points the operating points, strictest threshold first
 */
public record Curve(String xAxis, String yAxis, List<CurvePoint> points) {

    public Curve {
        Objects.requireNonNull(xAxis, "xAxis");
        Objects.requireNonNull(yAxis, "yAxis");
        points = List.copyOf(points);
    }

    /**
     * At most {@code maxPoints} of the points, evenly spread by position, the first and last always
     * kept.
     *
     * <p>Trade-off: spreading by position rather than by distance along the curve keeps the cost
     * linear and the choice deterministic; with hundreds of points kept, the plotted shape is
     * indistinguishable from the full curve, and the exact figures stay in AUROC and AUPRC.
     */
    public Curve downsampled(int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("at least the two end points must be kept");
        }
        int n = points.size();
        if (n <= maxPoints) {
            return this;
        }
        List<CurvePoint> kept = new ArrayList<>(maxPoints);
        for (int j = 0; j < maxPoints; j++) {
            // Strictly increasing in j because n > maxPoints, so no point is taken twice.
            kept.add(points.get((int) Math.round((double) j * (n - 1) / (maxPoints - 1))));
        }
        return new Curve(xAxis, yAxis, kept);
    }
}
