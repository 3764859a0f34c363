package io.polygraph.detector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Puts one modality pair's cosines on a common scale, fitted on held-out normal records: the
 * "normal scores" transform of their empirical distribution.
 *
 * <p>Why: the pairs' cosine distributions differ wildly (the profile-transaction network pushes
 * almost every normal pair to 0.999, signature pairs spread over 0.5 to 1), so neither raw cosines
 * nor a z-score from one spread measure make a minimum across pairs meaningful. Here a cosine
 * {@code c} becomes {@code z = Phi^-1(F(c))}, {@code F} the fraction of normal held-out cosines
 * below {@code c}: on normal data every pair's z is standard normal, so "the least consistent pair"
 * is the one with the most surprising cosine, and the minimum has the same meaning whichever pair
 * it comes from. {@code F} is interpolated between knots at fixed probabilities (denser in the
 * lower tail, where decisions are made); below the lowest knot z continues along the slope of the
 * two lowest knots, so anomalies rarer than anything in the calibration data still rank among
 * themselves; above the highest knot it stays at the highest knot's z. Finally {@code score = z /
 * (3 + |z|)}, in (-1, 1) as the alert schema promises, 0 at the median of normal pairs, and
 * monotonic, so that rankings and minimums are those of z. (tanh was tried first; it rounds every z
 * below -19 to exactly -1 and ties the anomalies that matter.)
 *
 * @param cosines knot cosines, strictly increasing
 * @param zScores standard normal quantiles of the knots' probabilities, increasing
 * @param count number of normal pairs the calibration was fitted on
 */
public record PairCalibration(double[] cosines, double[] zScores, int count) {

    /** Probabilities of the knots, where the sample is large enough to support them. */
    static final double[] KNOT_PROBABILITIES = {
        0.001, 0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7,
        0.8, 0.9, 0.95, 0.99
    };

    /** Divisor of z in {@code z / (SQUASH + |z|)}: z = -3 scores -0.5, z = -9 scores -0.75. */
    static final double SQUASH = 3.0;

    /** Slope (z per unit of cosine) used when the knots cannot give one. */
    static final double DEFAULT_SLOPE = 10.0;

    @JsonCreator
    public PairCalibration(
            @JsonProperty("cosines") double[] cosines,
            @JsonProperty("zScores") double[] zScores,
            @JsonProperty("count") int count) {
        if (cosines == null
                || zScores == null
                || cosines.length == 0
                || cosines.length != zScores.length) {
            throw new IllegalArgumentException("calibration needs as many z-scores as knots, >= 1");
        }
        for (int i = 1; i < cosines.length; i++) {
            if (!(cosines[i] > cosines[i - 1]) || zScores[i] < zScores[i - 1]) {
                throw new IllegalArgumentException("calibration knots must increase");
            }
        }
        this.cosines = cosines.clone();
        this.zScores = zScores.clone();
        this.count = count;
    }

    /** Fits the calibration on the cosines of normal pairs (non-finite entries are ignored). */
    public static PairCalibration fit(double[] normalCosines) {
        double[] sorted = Arrays.stream(normalCosines).filter(Double::isFinite).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no normal pairs to calibrate on");
        }
        int n = sorted.length;
        List<double[]> knots = new ArrayList<>();
        // The sample minimum sits at probability 0.5 / n (Hazen's plotting position).
        addKnot(knots, sorted[0], 0.5 / n);
        for (double p : KNOT_PROBABILITIES) {
            if (p > 0.5 / n && p < 1 - 0.5 / n) {
                addKnot(knots, Quantiles.of(sorted, p), p);
            }
        }
        double[] cosines = knots.stream().mapToDouble(k -> k[0]).toArray();
        if (cosines.length == 1) {
            // Every normal pair had the same cosine: that value is the typical one.
            return new PairCalibration(cosines, new double[] {0.0}, n);
        }
        double[] zScores = knots.stream().mapToDouble(k -> StandardNormal.quantile(k[1])).toArray();
        return new PairCalibration(cosines, zScores, n);
    }

    /**
     * A calibration for a pair never seen: z grows by {@link #DEFAULT_SLOPE} per unit of cosine.
     */
    public static PairCalibration uncalibrated(double medianCosine) {
        return new PairCalibration(new double[] {medianCosine}, new double[] {0.0}, 0);
    }

    /** The z-score of a cosine against normal pairs. */
    public double zScore(double cosine) {
        int last = cosines.length - 1;
        if (cosine >= cosines[last]) {
            return zScores[last];
        }
        if (cosine <= cosines[0]) {
            double slope =
                    last == 0
                            ? DEFAULT_SLOPE
                            : (zScores[1] - zScores[0]) / (cosines[1] - cosines[0]);
            return zScores[0] - (cosines[0] - cosine) * slope;
        }
        int above = Arrays.binarySearch(cosines, cosine);
        if (above >= 0) {
            return zScores[above];
        }
        above = -above - 1;
        double fraction = (cosine - cosines[above - 1]) / (cosines[above] - cosines[above - 1]);
        return zScores[above - 1] + fraction * (zScores[above] - zScores[above - 1]);
    }

    /** The normalised score of a cosine, {@code z / (3 + |z|)}, in (-1, 1). */
    public double normalise(double cosine) {
        double z = zScore(cosine);
        return z / (SQUASH + Math.abs(z));
    }

    private static void addKnot(List<double[]> knots, double cosine, double probability) {
        // Ties in the sample give equal knot cosines: keep the lowest probability, so that F stays
        // a function and the tail keeps its most extreme z.
        if (knots.isEmpty() || cosine > knots.get(knots.size() - 1)[0]) {
            knots.add(new double[] {cosine, probability});
        }
    }

    @Override
    public double[] cosines() {
        return cosines.clone();
    }

    @Override
    public double[] zScores() {
        return zScores.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PairCalibration that
                && count == that.count
                && Arrays.equals(cosines, that.cosines)
                && Arrays.equals(zScores, that.zScores);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(cosines) + Arrays.hashCode(zScores);
    }

    @Override
    public String toString() {
        return "PairCalibration[knots=" + cosines.length + ", count=" + count + "]";
    }
}
