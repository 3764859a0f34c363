package io.polygraph.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A metric over a two-parameter grid, such as precision over gamma by epsilon in a sensitivity
 * sweep.
 *
 * <p>Contract: {@code values.get(row).get(column)} is the metric at {@code yValues.get(row)} and
 * {@code xValues.get(column)}: one row per y value, one column per x value. Cells may be NaN (a
 * setting that was not run or gave no decision); they are left blank in the picture and written as
 * "NaN" in JSON.
 *
 * @param title what the map shows, for example "precision"
 * @param xName the parameter along the horizontal axis
 * @param xValues its values, left to right
 * @param yName the parameter along the vertical axis
 * @param yValues its values, bottom to top
 * @param values the metric, one row per y value
 */
public record HeatMap(
        String title,
        String xName,
        List<Double> xValues,
        String yName,
        List<Double> yValues,
        List<List<Double>> values) {

    public HeatMap {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xName, "xName");
        Objects.requireNonNull(yName, "yName");
        xValues = List.copyOf(xValues);
        yValues = List.copyOf(yValues);
        if (values.size() != yValues.size()) {
            throw new IllegalArgumentException(
                    "heat map '" + title + "': one row per " + yName + " value is needed");
        }
        List<List<Double>> rows = new ArrayList<>(values.size());
        for (List<Double> row : values) {
            if (row.size() != xValues.size()) {
                throw new IllegalArgumentException(
                        "heat map '" + title + "': one column per " + xName + " value is needed");
            }
            rows.add(List.copyOf(row));
        }
        values = List.copyOf(rows);
    }

    /** A heat map from arrays: {@code values[row][column]}, rows along y. */
    public static HeatMap of(
            String title,
            String xName,
            double[] xValues,
            String yName,
            double[] yValues,
            double[][] values) {
        List<List<Double>> rows = new ArrayList<>(values.length);
        for (double[] row : values) {
            rows.add(boxed(row));
        }
        return new HeatMap(title, xName, boxed(xValues), yName, boxed(yValues), rows);
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(value);
        }
        return list;
    }
}
