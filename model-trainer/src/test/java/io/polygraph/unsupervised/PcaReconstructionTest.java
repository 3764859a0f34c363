package io.polygraph.unsupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** PCA reconstruction on points of a known low-dimensional plane. */
class PcaReconstructionTest {

    private static final int WIDTH = 10;

    /** Two orthonormal directions of R^10 spanning the plane, and an offset off the origin. */
    private static final double[] U = unit(new double[] {1, 2, 0, -1, 0, 3, 0, 0, 1, 0});

    private static final double[] V =
            unit(orthogonalTo(U, new double[] {0, 1, 1, 0, 2, 0, -1, 1, 0, 0}));
    private static final double[] OFFSET = {5, -3, 2, 0, 1, 0, 0, 4, -2, 1};

    @Test
    void pointsOnAPlaneKeepTwoComponentsAndReconstructAlmostExactly() {
        double[][] training = planePoints(500, 0.001, new Random(1));

        PcaReconstruction pca = PcaReconstruction.fit(training, 0.9, 8);

        assertThat(pca.components()).isEqualTo(2);
        assertThat(pca.explainedVarianceShare()).isGreaterThan(0.999);
        // The leading direction alone holds about 80 % of the variance: enough for 70 %.
        assertThat(PcaReconstruction.fit(training, 0.7, 8).components()).isEqualTo(1);
        double[] scores = pca.scores(planePoints(50, 0.0, new Random(2)));
        for (double score : scores) {
            assertThat(score).isLessThan(1e-4);
        }
    }

    @Test
    void aPointOffThePlaneScoresItsSquaredDistanceFromThePlane() {
        PcaReconstruction pca = PcaReconstruction.fit(planePoints(500, 0.0, new Random(3)), 0.9, 8);
        double[] normal =
                unit(orthogonalTo(V, orthogonalTo(U, new double[] {0, 0, 1, 0, 0, 0, 0, 0, 0, 1})));
        double[] onPlane = planePoint(1.5, -0.5);
        double[] offPlane = onPlane.clone();
        for (int j = 0; j < WIDTH; j++) {
            offPlane[j] += 2 * normal[j];
        }

        double[] scores = pca.scores(new double[][] {onPlane, offPlane});

        assertThat(scores[0]).isLessThan(1e-9);
        assertThat(scores[1]).isCloseTo(4.0, within(1e-6));
    }

    @Test
    void theKeptComponentsAreOrthonormalAndSpanThePlane() {
        PcaReconstruction pca = PcaReconstruction.fit(planePoints(500, 0.0, new Random(4)), 0.9, 8);

        double[][] components = pca.componentRows();

        assertThat(dot(components[0], components[0])).isCloseTo(1.0, within(1e-9));
        assertThat(dot(components[1], components[1])).isCloseTo(1.0, within(1e-9));
        assertThat(dot(components[0], components[1])).isCloseTo(0.0, within(1e-9));
        // U and V lie in the span: their squared projections on the components add up to 1.
        for (double[] direction : new double[][] {U, V}) {
            double projected =
                    Math.pow(dot(direction, components[0]), 2)
                            + Math.pow(dot(direction, components[1]), 2);
            assertThat(projected).isCloseTo(1.0, within(1e-9));
        }
        // The plane's U coordinate has the larger spread (see planePoints), so it leads.
        assertThat(Math.abs(dot(U, components[0]))).isGreaterThan(0.99);
    }

    @Test
    void theComponentCountIsCappedAndTheShareReportsWhatTheCapLeaves() {
        Random random = new Random(5);
        double[][] isotropic = new double[2000][WIDTH];
        for (double[] row : isotropic) {
            for (int j = 0; j < WIDTH; j++) {
                row[j] = random.nextGaussian();
            }
        }

        PcaReconstruction pca = PcaReconstruction.fit(isotropic, 0.99, 3);

        assertThat(pca.components()).isEqualTo(3);
        assertThat(pca.explainedVarianceShare()).isBetween(0.25, 0.4);
    }

    @Test
    void constantRowsKeepNoComponentAndScoreTheSquaredDistanceFromTheirMean() {
        double[][] constant = {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}};

        PcaReconstruction pca = PcaReconstruction.fit(constant, 0.9, 2);

        assertThat(pca.components()).isZero();
        assertThat(pca.mean()).containsExactly(1, 2, 3);
        assertThat(pca.scores(new double[][] {{1, 2, 3}, {1, 4, 3}})).containsExactly(0.0, 4.0);
    }

    @Test
    void badArgumentsAreRefusedWithTheReason() {
        double[][] rows = {{1, 2}, {3, 4}};
        assertThatThrownBy(() -> PcaReconstruction.fit(rows, 0.0, 2))
                .hasMessageContaining("varianceShare");
        assertThatThrownBy(() -> PcaReconstruction.fit(rows, 0.9, 0))
                .hasMessageContaining("maxComponents");
        assertThatThrownBy(() -> PcaReconstruction.fit(new double[][] {{1, 2}}, 0.9, 1))
                .hasMessageContaining("at least 2 rows");
        PcaReconstruction pca = PcaReconstruction.fit(rows, 0.9, 1);
        assertThatThrownBy(() -> pca.scores(new double[][] {{1, 2, 3}}))
                .hasMessageContaining("3 columns");
        assertThatThrownBy(() -> pca.scores(new double[][] {{1, Double.NaN}}))
                .hasMessageContaining("not finite");
    }

    /**
     * Points OFFSET + a U + b V with a of spread 2 and b of spread 1 (variance shares 0.8 and 0.2),
     * plus isotropic noise.
     */
    private static double[][] planePoints(int count, double noise, Random random) {
        double[][] points = new double[count][];
        for (int i = 0; i < count; i++) {
            points[i] = planePoint(2 * random.nextGaussian(), random.nextGaussian());
            for (int j = 0; j < WIDTH; j++) {
                points[i][j] += noise * random.nextGaussian();
            }
        }
        return points;
    }

    private static double[] planePoint(double a, double b) {
        double[] point = new double[WIDTH];
        for (int j = 0; j < WIDTH; j++) {
            point[j] = OFFSET[j] + a * U[j] + b * V[j];
        }
        return point;
    }

    private static double[] orthogonalTo(double[] unit, double[] vector) {
        double along = dot(unit, vector);
        double[] result = new double[vector.length];
        for (int j = 0; j < vector.length; j++) {
            result[j] = vector[j] - along * unit[j];
        }
        return result;
    }

    private static double[] unit(double[] vector) {
        double length = Math.sqrt(dot(vector, vector));
        double[] result = new double[vector.length];
        for (int j = 0; j < vector.length; j++) {
            result[j] = vector[j] / length;
        }
        return result;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
