package io.polygraph.mixture;

/**
 * Cholesky factors of symmetric positive-definite matrices, stored as flat column-major {@code d x
 * d} arrays (element {@code (i, j)} at {@code j * d + i}, lower triangle used).
 *
 * <p>Why column-major: the two inner loops that dominate the Gibbs sampler, the forward solve of a
 * posterior-predictive density and the rank-1 update when a point changes cluster, then both walk
 * one contiguous column ({@code b[i] -= L[i][j] * y[j]} for {@code i > j}), which the JIT
 * vectorises. Nothing here inverts a matrix.
 */
public final class Cholesky {

    private Cholesky() {}

    /**
     * Factors the symmetric matrix {@code a} (column-major, both triangles filled) in place into
     * its lower Cholesky factor; the strict upper triangle is zeroed.
     *
     * @return false when {@code a} is not numerically positive definite ({@code a} is then
     *     partially overwritten)
     */
    public static boolean factor(double[] a, int d) {
        for (int j = 0; j < d; j++) {
            int column = j * d;
            double pivot = a[column + j];
            if (!(pivot > 0)) {
                return false;
            }
            double diagonal = Math.sqrt(pivot);
            a[column + j] = diagonal;
            for (int i = j + 1; i < d; i++) {
                a[column + i] /= diagonal;
            }
            // Right-looking: subtract column j's outer product from the trailing columns.
            for (int k = j + 1; k < d; k++) {
                double factor = a[column + k];
                int target = k * d;
                for (int i = k; i < d; i++) {
                    a[target + i] -= a[column + i] * factor;
                }
            }
        }
        for (int j = 1; j < d; j++) {
            for (int i = 0; i < j; i++) {
                a[j * d + i] = 0;
            }
        }
        return true;
    }

    /**
     * Replaces {@code L} by the factor of {@code L L^T + x x^T} ({@code sign = +1}) or {@code L L^T
     * - x x^T} ({@code sign = -1}) in O(d^2); {@code x} is overwritten.
     *
     * @return false when a downdate would lose positive definiteness ({@code L} is then partially
     *     overwritten and must be refactored)
     */
    static boolean rankOne(double[] factor, int d, double[] x, double sign) {
        for (int k = 0; k < d; k++) {
            int column = k * d;
            double diagonal = factor[column + k];
            double xk = x[k];
            double squared = diagonal * diagonal + sign * xk * xk;
            if (!(squared > 0)) {
                return false;
            }
            double updated = Math.sqrt(squared);
            double c = updated / diagonal;
            double s = xk / diagonal;
            double signedS = sign * s;
            double inverseC = 1 / c;
            factor[column + k] = updated;
            for (int i = k + 1; i < d; i++) {
                double entry = (factor[column + i] + signedS * x[i]) * inverseC;
                factor[column + i] = entry;
                x[i] = c * x[i] - s * entry;
            }
        }
        return true;
    }

    /**
     * {@code |L^-1 b|^2 = b^T (L L^T)^-1 b} by one forward substitution; {@code b} is overwritten.
     */
    static double squaredNormOfSolve(double[] factor, int d, double[] b) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            int column = j * d;
            double y = b[j] / factor[column + j];
            sum += y * y;
            for (int i = j + 1; i < d; i++) {
                b[i] -= factor[column + i] * y;
            }
        }
        return sum;
    }

    /** {@code log det(L L^T)}. */
    static double logDeterminant(double[] factor, int d) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            sum += Math.log(factor[j * d + j]);
        }
        return 2 * sum;
    }
}
