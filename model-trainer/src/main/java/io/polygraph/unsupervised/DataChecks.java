package io.polygraph.unsupervised;

/** Shape and value checks of input matrices, with messages that name the argument. */
final class DataChecks {

    private DataChecks() {}

    /** Returns {@code x} after checking it is non-empty, rectangular and finite. */
    static double[][] finiteMatrix(String name, double[][] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException(name + " has no rows");
        }
        int width = x[0].length;
        if (width == 0) {
            throw new IllegalArgumentException(name + " has no columns");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != width) {
                throw new IllegalArgumentException(
                        name + " row " + i + " has " + x[i].length + " columns, not " + width);
            }
            for (double value : x[i]) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException(name + " row " + i + " is not finite");
                }
            }
        }
        return x;
    }

    /** Checks that {@code labels}, when given, has one entry per row. */
    static void sameLength(String name, boolean[] labels, int rows) {
        if (labels != null && labels.length != rows) {
            throw new IllegalArgumentException(
                    name + " has " + labels.length + " entries for " + rows + " rows");
        }
    }
}
