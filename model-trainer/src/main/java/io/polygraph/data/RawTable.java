package io.polygraph.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed table before encoding: typed columns and rows of cell texts, each row with its line.
 *
 * <p>A cell is {@code null} when the file marks it missing. The parsers guarantee that every row
 * has one cell per column; the encoder checks the cells against the column types.
 */
record RawTable(Path path, List<Column> columns, List<Row> rows) {

    /** How a column's cells are read. */
    enum Kind {
        NUMERIC,
        NOMINAL
    }

    /**
     * A column. {@code declared} lists a nominal column's values in declaration order when the
     * format declares them (ARFF), and is null when the vocabulary is whatever the data holds
     * (CSV).
     */
    record Column(String name, Kind kind, List<String> declared) {}

    /** A data row and the line it was read from. */
    record Row(int line, List<String> cells) {}

    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
