package io.polygraph.mixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HungarianAssignmentTest {

    @Test
    void findsTheKnownOptimumOfAClassicExample() {
        // A textbook example: the optimum 2 + 6 + 1 + 4 = 13, although row 1 alone would rather
        // take
        // column 2, which row 2 needs more.
        double[][] cost = {{9, 2, 7, 8}, {6, 4, 3, 7}, {5, 8, 1, 8}, {7, 6, 9, 4}};

        int[] assignment = HungarianAssignment.solve(cost);

        assertThat(assignment).containsExactly(1, 0, 2, 3);
        assertThat(total(cost, assignment)).isEqualTo(13.0);
    }

    @Test
    void matchesBruteForceOnRandomSquareMatrices() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(6);
            double[][] cost = new double[n][n];
            for (double[] row : cost) {
                for (int j = 0; j < n; j++) {
                    row[j] = random.nextInt(-20, 20);
                }
            }

            int[] assignment = HungarianAssignment.solve(cost);

            assertThat(assignment).doesNotHaveDuplicates();
            assertThat(total(cost, assignment)).isEqualTo(bruteForceMinimum(cost));
        }
    }

    @Test
    void assignsEveryRowOfAWideMatrixToADistinctCheapColumn() {
        double[][] cost = {{5, 1, 9}, {1, 5, 9}};

        assertThat(HungarianAssignment.solve(cost)).containsExactly(1, 0);
    }

    @Test
    void rejectsMoreRowsThanColumns() {
        assertThatThrownBy(() -> HungarianAssignment.solve(new double[][] {{1}, {2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows <= columns");
    }

    private static double total(double[][] cost, int[] assignment) {
        double sum = 0;
        for (int i = 0; i < assignment.length; i++) {
            sum += cost[i][assignment[i]];
        }
        return sum;
    }

    private static double bruteForceMinimum(double[][] cost) {
        return permute(cost, 0, new boolean[cost.length], 0);
    }

    private static double permute(double[][] cost, int row, boolean[] used, double sum) {
        if (row == cost.length) {
            return sum;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < cost.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, permute(cost, row + 1, used, sum + cost[row][j]));
                used[j] = false;
            }
        }
        return best;
    }
}
