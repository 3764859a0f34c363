package io.polygraph.data;

import io.polygraph.data.RawTable.Column;
import io.polygraph.data.RawTable.Kind;
import io.polygraph.data.RawTable.Row;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a {@link RawTable} into a {@link TabularDataset}: numeric columns as doubles, nominal
 * columns one-hot, the label column split off and compared with the normal labels.
 *
 * <p>A nominal column's slots follow its declared values (ARFF) or the order in which values first
 * appear (CSV), so that a file always encodes the same way. Errors name {@code path:line}.
 */
final class TableEncoder {

    /** A plain decimal number; no NaN, Infinity, hex or type suffixes. */
    static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final RawTable table;
    private final int labelIndex;
    private final List<Map<String, Integer>> nominalSlots = new ArrayList<>();
    private final int[] numericSlot;
    private final List<String> featureNames = new ArrayList<>();

    private TableEncoder(RawTable table, int labelIndex) {
        this.table = table;
        this.labelIndex = labelIndex;
        this.numericSlot = new int[table.columns().size()];
    }

    /**
     * @param normalLabels the labels of normal rows, or null to take the most frequent label (the
     *     first in the file on a tie)
     * @param missingNumeric the value for a missing numeric cell, or null to reject it
     * @throws IllegalArgumentException when the label column is absent or no row is normal
     */
    static TabularDataset encode(
            RawTable table, String labelColumn, Set<String> normalLabels, Double missingNumeric)
            throws IOException {
        int labelIndex = table.columnNames().indexOf(labelColumn);
        if (labelIndex < 0) {
            throw new IllegalArgumentException(
                    table.path()
                            + ": label column '"
                            + labelColumn
                            + "' not found; columns: "
                            + table.columnNames());
        }
        if (table.rows().isEmpty()) {
            throw new IOException(table.path() + ": no data rows");
        }
        TableEncoder encoder = new TableEncoder(table, labelIndex);
        encoder.layOutFeatures();
        return encoder.encodeRows(normalLabels, missingNumeric);
    }

    /** Fixes the feature slots of every column but the label. */
    private void layOutFeatures() {
        for (int c = 0; c < table.columns().size(); c++) {
            Column column = table.columns().get(c);
            Map<String, Integer> columnSlots = new LinkedHashMap<>();
            nominalSlots.add(columnSlots);
            if (c == labelIndex) {
                continue;
            }
            if (column.kind() == Kind.NUMERIC) {
                numericSlot[c] = featureNames.size();
                featureNames.add(column.name());
                continue;
            }
            for (String value : vocabulary(c, column)) {
                columnSlots.put(value, featureNames.size());
                featureNames.add(column.name() + "=" + value);
            }
        }
    }

    private Set<String> vocabulary(int index, Column column) {
        if (column.declared() != null) {
            return new LinkedHashSet<>(column.declared());
        }
        Set<String> values = new LinkedHashSet<>();
        for (Row row : table.rows()) {
            if (row.cells().get(index) != null) {
                values.add(row.cells().get(index));
            }
        }
        return values;
    }

    private TabularDataset encodeRows(Set<String> normalLabels, Double missingNumeric)
            throws IOException {
        int rowCount = table.rows().size();
        double[][] features = new double[rowCount][];
        boolean[] anomalous = new boolean[rowCount];
        List<String> labels = new ArrayList<>(rowCount);
        for (int r = 0; r < rowCount; r++) {
            Row row = table.rows().get(r);
            String label = row.cells().get(labelIndex);
            if (label == null) {
                throw error(row, "missing value in label column '" + columnName(labelIndex) + "'");
            }
            labels.add(label);
            features[r] = encodeRow(row, missingNumeric);
        }
        Set<String> normal = normalLabels != null ? normalLabels : Set.of(mostFrequent(labels));
        if (labels.stream().noneMatch(normal::contains)) {
            throw new IllegalArgumentException(
                    table.path()
                            + ": no row has a normal label "
                            + normal
                            + "; labels found: "
                            + new LinkedHashSet<>(labels));
        }
        for (int r = 0; r < rowCount; r++) {
            anomalous[r] = !normal.contains(labels.get(r));
        }
        return new TabularDataset(features, anomalous, featureNames, labels);
    }

    /** The most frequent of {@code labels}, the first to appear among equally frequent ones. */
    private static String mostFrequent(List<String> labels) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        labels.forEach(label -> counts.merge(label, 1, Integer::sum));
        String best = null;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (best == null || entry.getValue() > counts.get(best)) {
                best = entry.getKey();
            }
        }
        return best;
    }

    private double[] encodeRow(Row row, Double missingNumeric) throws IOException {
        double[] values = new double[featureNames.size()];
        for (int c = 0; c < table.columns().size(); c++) {
            if (c == labelIndex) {
                continue;
            }
            String cell = row.cells().get(c);
            Map<String, Integer> columnSlots = nominalSlots.get(c);
            if (table.columns().get(c).kind() == Kind.NUMERIC) {
                values[numericSlot[c]] = numeric(row, c, cell, missingNumeric);
            } else if (cell == null) {
                throw error(row, "missing value in nominal column '" + columnName(c) + "'");
            } else if (!columnSlots.containsKey(cell)) {
                throw error(
                        row,
                        "unknown value '"
                                + cell
                                + "' in nominal column '"
                                + columnName(c)
                                + "', declared "
                                + columnSlots.keySet());
            } else {
                values[columnSlots.get(cell)] = 1.0;
            }
        }
        return values;
    }

    private double numeric(Row row, int column, String cell, Double missingNumeric)
            throws IOException {
        if (cell == null) {
            if (missingNumeric == null) {
                throw error(
                        row,
                        "missing value in numeric column '"
                                + columnName(column)
                                + "' (clean data is expected; see TabularReader)");
            }
            return missingNumeric;
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw error(
                    row,
                    "non-numeric value '"
                            + cell
                            + "' in numeric column '"
                            + columnName(column)
                            + "'");
        }
        return Double.parseDouble(cell);
    }

    private String columnName(int index) {
        return table.columns().get(index).name();
    }

    private IOException error(Row row, String what) {
        return new SourceLine(table.path(), row.line(), "").error(what);
    }
}
