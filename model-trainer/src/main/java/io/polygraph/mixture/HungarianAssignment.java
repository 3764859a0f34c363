package io.polygraph.mixture;

import java.util.Arrays;

/**
 * The Hungarian method (Kuhn-Munkres with potentials, O(rows^2 cols)): the assignment of rows to
 * distinct columns that minimises the total cost.
 *
 * <p>Used to align the cluster labels of two Gibbs samples, where the cost of pairing two clusters
 * is minus the number of points they share. Rows must not outnumber columns; pad with zero-cost
 * rows or columns to make other shapes square.
 */
final class HungarianAssignment {

    private HungarianAssignment() {}

    /**
     * The column assigned to each row in an assignment of minimum total cost.
     *
     * @param cost finite costs, {@code rows <= columns}, rectangular
     */
    static int[] solve(double[][] cost) {
        int n = cost.length;
        int m = n == 0 ? 0 : cost[0].length;
        if (n > m) {
            throw new IllegalArgumentException(
                    "assignment needs rows <= columns: " + n + " > " + m);
        }
        for (double[] row : cost) {
            if (row.length != m || !Arrays.stream(row).allMatch(Double::isFinite)) {
                throw new IllegalArgumentException("costs must be finite and rectangular");
            }
        }
        // 1-based potentials u (rows) and v (columns); rowOfColumn[0] is the row being placed.
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] rowOfColumn = new int[m + 1];
        int[] previousColumn = new int[m + 1];
        for (int row = 1; row <= n; row++) {
            rowOfColumn[0] = row;
            int column = 0;
            double[] slack = new double[m + 1];
            Arrays.fill(slack, Double.POSITIVE_INFINITY);
            boolean[] visited = new boolean[m + 1];
            do {
                visited[column] = true;
                int visitedRow = rowOfColumn[column];
                double delta = Double.POSITIVE_INFINITY;
                int next = 0;
                for (int j = 1; j <= m; j++) {
                    if (!visited[j]) {
                        double reduced = cost[visitedRow - 1][j - 1] - u[visitedRow] - v[j];
                        if (reduced < slack[j]) {
                            slack[j] = reduced;
                            previousColumn[j] = column;
                        }
                        if (slack[j] < delta) {
                            delta = slack[j];
                            next = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (visited[j]) {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    } else {
                        slack[j] -= delta;
                    }
                }
                column = next;
            } while (rowOfColumn[column] != 0);
            // Flip the augmenting path back to the start.
            do {
                int previous = previousColumn[column];
                rowOfColumn[column] = rowOfColumn[previous];
                column = previous;
            } while (column != 0);
        }
        int[] columnOfRow = new int[n];
        for (int j = 1; j <= m; j++) {
            if (rowOfColumn[j] != 0) {
                columnOfRow[rowOfColumn[j] - 1] = j - 1;
            }
        }
        return columnOfRow;
    }
}
