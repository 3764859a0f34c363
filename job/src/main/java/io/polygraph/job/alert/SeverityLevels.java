package io.polygraph.job.alert;

import io.polygraph.schema.Severity;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Maps how far an alert's decision score fell below the threshold to a {@link Severity}.
 *
 * <p>Three cut points on that margin ({@code threshold - score}, always positive for an alert), in
 * score units: below the first is {@link Severity#LOW}, from the first {@link Severity#MEDIUM},
 * from the second {@link Severity#HIGH}, from the third {@link Severity#CRITICAL}. Margins rather
 * than absolute scores, so that the levels keep their meaning when the threshold is overridden.
 * Example: {@code new SeverityLevels(List.of(0.05, 0.15, 0.3))} makes a score of -0.6 under a
 * threshold of -0.44 (margin 0.16) {@code HIGH}.
 */
public final class SeverityLevels implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Severity[] ABOVE_CUT = {Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL};

    private final double[] cuts;

    /**
     * @param cuts three finite, non-negative, strictly increasing margins
     * @throws IllegalArgumentException otherwise
     */
    public SeverityLevels(List<Double> cuts) {
        String problem = problemWith(cuts);
        if (problem != null) {
            throw new IllegalArgumentException("severity levels " + cuts + ": " + problem);
        }
        this.cuts = cuts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** What is wrong with {@code cuts} as severity cut points, or null when nothing is. */
    public static String problemWith(List<Double> cuts) {
        if (cuts == null || cuts.size() != ABOVE_CUT.length) {
            return "need exactly " + ABOVE_CUT.length + " cut points (MEDIUM, HIGH, CRITICAL)";
        }
        double previous = -1;
        for (Double cut : cuts) {
            if (cut == null || !Double.isFinite(cut) || cut < 0 || cut <= previous) {
                return "cut points must be finite, non-negative and strictly increasing";
            }
            previous = cut;
        }
        return null;
    }

    /** The severity of an alert whose decision score is {@code margin} below the threshold. */
    public Severity of(double margin) {
        Severity severity = Severity.LOW;
        for (int i = 0; i < cuts.length && margin >= cuts[i]; i++) {
            severity = ABOVE_CUT[i];
        }
        return severity;
    }

    @Override
    public String toString() {
        return "SeverityLevels" + Arrays.toString(cuts);
    }
}
