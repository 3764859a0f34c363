package io.polygraph.mixture;

/** The natural logarithm of the gamma function for positive arguments (Lanczos approximation). */
final class LogGamma {

    // Lanczos coefficients for g = 7, n = 9: relative error about 1e-15 for x > 0.
    private static final double G = 7;
    private static final double[] COEFFICIENTS = {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7
    };
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private LogGamma() {}

    /** {@code log Gamma(x)} for {@code x > 0}. */
    static double of(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("log-gamma needs a positive argument: " + x);
        }
        if (x < 0.5) {
            // Reflection keeps the approximation in its accurate range: Gamma(x) Gamma(1 - x) =
            // pi / sin(pi x).
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - of(1 - x);
        }
        double shifted = x - 1;
        double series = COEFFICIENTS[0];
        for (int i = 1; i < COEFFICIENTS.length; i++) {
            series += COEFFICIENTS[i] / (shifted + i);
        }
        double t = shifted + G + 0.5;
        return HALF_LOG_2PI + (shifted + 0.5) * Math.log(t) - t + Math.log(series);
    }
}
