package io.polygraph.data;

import io.polygraph.data.FieldSplitter.Field;
import io.polygraph.data.RawTable.Column;
import io.polygraph.data.RawTable.Kind;
import io.polygraph.data.RawTable.Row;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses a UTF-8 CSV file with a header row into a {@link RawTable}.
 *
 * <p>Column types are not declared in CSV, so they are inferred: a column is numeric when its first
 * non-missing value is a plain decimal number, nominal otherwise. A later value that is not a
 * number then fails loudly instead of silently turning the column into a one-hot vocabulary of
 * every distinct number. An unquoted empty field or {@code ?} is missing. Blank lines are skipped;
 * every other line must have exactly as many fields as the header.
 */
final class CsvTable {

    private CsvTable() {}

    static RawTable parse(Path path) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            List<String> header = null;
            List<Row> rows = new ArrayList<>();
            int number = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                SourceLine line = new SourceLine(path, number, number == 1 ? noBom(text) : text);
                if (line.text().isBlank()) {
                    continue;
                }
                List<Field> fields = FieldSplitter.CSV.split(line, line.text());
                if (header == null) {
                    header = header(line, fields);
                } else if (fields.size() != header.size()) {
                    throw line.error(
                            fields.size()
                                    + " fields, expected "
                                    + header.size()
                                    + " as in the"
                                    + " header");
                } else {
                    rows.add(new Row(number, fields.stream().map(CsvTable::cell).toList()));
                }
            }
            if (header == null) {
                throw new IOException(path + ": empty file, expected a header row");
            }
            return new RawTable(path, columns(header, rows), rows);
        }
    }

    private static List<String> header(SourceLine line, List<Field> fields) throws IOException {
        Set<String> seen = new HashSet<>();
        for (Field field : fields) {
            if (field.text().isEmpty()) {
                throw line.error("the header has an empty column name");
            }
            if (!seen.add(field.text())) {
                throw line.error("the header names column '" + field.text() + "' twice");
            }
        }
        return fields.stream().map(Field::text).toList();
    }

    private static List<Column> columns(List<String> header, List<Row> rows) {
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            final int column = c;
            boolean numeric =
                    rows.stream()
                            .map(row -> row.cells().get(column))
                            .filter(cell -> cell != null)
                            .findFirst()
                            .map(cell -> TableEncoder.NUMBER.matcher(cell).matches())
                            .orElse(true);
            columns.add(new Column(header.get(c), numeric ? Kind.NUMERIC : Kind.NOMINAL, null));
        }
        return columns;
    }

    private static String cell(Field field) {
        boolean missing = !field.quoted() && (field.text().isEmpty() || field.text().equals("?"));
        return missing ? null : field.text();
    }

    private static String noBom(String text) {
        // Spreadsheet exports often start with a byte-order mark that would glue onto the first
        // name.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
