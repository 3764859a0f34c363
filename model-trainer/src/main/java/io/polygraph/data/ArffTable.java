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
import java.util.Locale;
import java.util.Set;

/**
 * Parses a UTF-8 ARFF file (Weka's attribute-relation format) into a {@link RawTable}.
 *
 * <p>Supported: {@code @relation}, {@code @attribute <name> numeric|real|integer|{v1,v2,...}}
 * (names and values may be quoted), {@code @data} with comma-separated dense rows, {@code %}
 * comments and {@code ?} for a missing value; keywords are case-insensitive. Not supported, and
 * rejected with the line: string, date and relational attributes, sparse rows ({@code {0 x, 3 y}}),
 * and instance weights. Those carry no fixed-width numeric features, and silently skipping them
 * would change what a detector sees.
 */
final class ArffTable {

    private ArffTable() {}

    static RawTable parse(Path path) throws IOException {
        List<Column> columns = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        boolean inData = false;
        boolean anyLine = false;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
                number++;
                String text = raw.substring(0, FieldSplitter.ARFF.commentStart(raw)).trim();
                SourceLine line = new SourceLine(path, number, text);
                anyLine |= !raw.isBlank();
                if (text.isEmpty()) {
                    continue;
                }
                if (inData) {
                    rows.add(row(line, columns));
                } else {
                    inData = header(line, columns);
                }
            }
        }
        if (!anyLine) {
            throw new IOException(path + ": empty file, expected @relation, @attribute and @data");
        }
        if (!inData) {
            throw new IOException(path + ": no @data section");
        }
        return new RawTable(path, columns, rows);
    }

    /** Reads one header line into {@code columns}; true when it is {@code @data}. */
    private static boolean header(SourceLine line, List<Column> columns) throws IOException {
        String keyword = line.text().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        switch (keyword) {
            case "@relation":
                return false;
            case "@attribute":
                Column column = attribute(line);
                if (columns.stream().anyMatch(c -> c.name().equals(column.name()))) {
                    throw line.error("attribute '" + column.name() + "' declared twice");
                }
                columns.add(column);
                return false;
            case "@data":
                if (columns.isEmpty()) {
                    throw line.error("@data before any @attribute");
                }
                return true;
            default:
                throw line.error(
                        "expected @relation, @attribute or @data, found '" + keyword + "'");
        }
    }

    private static Column attribute(SourceLine line) throws IOException {
        String rest = line.text().substring("@attribute".length()).trim();
        String name;
        String type;
        if (!rest.isEmpty() && (rest.charAt(0) == '\'' || rest.charAt(0) == '"')) {
            int close = rest.indexOf(rest.charAt(0), 1);
            if (close < 0) {
                throw line.error("unterminated quote in the attribute name");
            }
            name = rest.substring(1, close);
            type = rest.substring(close + 1).trim();
        } else {
            String[] parts = rest.split("[\\s{]", 2);
            name = parts[0];
            type = rest.substring(name.length()).trim();
        }
        if (name.isEmpty() || type.isEmpty()) {
            throw line.error("expected @attribute <name> <type>");
        }
        if (type.startsWith("{")) {
            return new Column(name, Kind.NOMINAL, nominalValues(line, type));
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "numeric", "real", "integer" -> new Column(name, Kind.NUMERIC, null);
            default ->
                    throw line.error(
                            "unsupported type '"
                                    + type
                                    + "' of attribute '"
                                    + name
                                    + "'; supported:"
                                    + " numeric, real, integer, {nominal values}");
        };
    }

    private static List<String> nominalValues(SourceLine line, String type) throws IOException {
        if (!type.endsWith("}")) {
            throw line.error("nominal values must end with '}'");
        }
        List<String> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Field field : FieldSplitter.ARFF.split(line, type.substring(1, type.length() - 1))) {
            if (field.text().isEmpty() || !seen.add(field.text())) {
                throw line.error("nominal value '" + field.text() + "' is empty or repeated");
            }
            values.add(field.text());
        }
        return List.copyOf(values);
    }

    private static Row row(SourceLine line, List<Column> columns) throws IOException {
        if (line.text().startsWith("{")) {
            throw line.error("sparse ARFF rows are not supported");
        }
        List<Field> fields = FieldSplitter.ARFF.split(line, line.text());
        if (fields.size() != columns.size()) {
            throw line.error(
                    fields.size()
                            + " fields, expected "
                            + columns.size()
                            + " (one per @attribute)");
        }
        return new Row(
                line.number(),
                fields.stream()
                        .map(f -> !f.quoted() && f.text().equals("?") ? null : f.text())
                        .toList());
    }
}
