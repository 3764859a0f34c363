package io.polygraph.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a labelled table from a CSV or ARFF file into a {@link TabularDataset}, for detectors that
 * are evaluated on public tabular anomaly benchmarks.
 *
 * <p>Usage: {@code TabularReader.labelledBy("class", Set.of("normal")).read(path)}. The format
 * follows the extension ({@code .csv}: a header row, commas, {@code "} quotes; {@code .arff}: see
 * {@link ArffTable}). The caller names the label column and the label values that mean normal, or
 * lets the most frequent label mean normal ({@link #labelledBy(String)}); every other label is an
 * anomaly, and the raw labels are kept. Numeric columns are kept as doubles; nominal columns are
 * one-hot encoded, in declaration order (ARFF) or order of first appearance (CSV, where a column is
 * numeric when its first value is a number).
 *
 * <p>Clean data is expected: a missing numeric value ({@code ?}, or an empty CSV field) is an error
 * unless {@link #fillingMissingNumericWith} says otherwise, because a silent default would make
 * "missing" look like a measured value; a missing nominal value or label is always an error. Errors
 * read {@code path:line: what was wrong}. A malformed file (wrong number of fields, a non-numeric
 * value in a numeric column, an unknown nominal value, an empty file, bytes that are not UTF-8) or
 * a path that is no file throws {@link IOException}, its message starting with the path; a request
 * the file cannot meet (an unknown extension, a label column that is not there, normal labels no
 * row has) throws {@link IllegalArgumentException} listing what the file does have. The whole file
 * is read into memory before encoding (nominal vocabularies need every row), fine for
 * benchmark-sized tables, not meant for gigabytes.
 */
public final class TabularReader {

    private final String labelColumn;

    /** Null: the most frequent label is the normal one. */
    private final Set<String> normalLabels;

    private final Double missingNumeric;

    private TabularReader(String labelColumn, Set<String> normalLabels, Double missingNumeric) {
        this.labelColumn = labelColumn;
        this.normalLabels = normalLabels;
        this.missingNumeric = missingNumeric;
    }

    /**
     * A reader that takes labels from {@code labelColumn} and treats rows whose label is in {@code
     * normalLabels} as normal, all others as anomalous.
     */
    public static TabularReader labelledBy(String labelColumn, Collection<String> normalLabels) {
        Objects.requireNonNull(labelColumn, "labelColumn");
        if (normalLabels.isEmpty()) {
            throw new IllegalArgumentException("at least one normal label is needed");
        }
        return new TabularReader(labelColumn, Set.copyOf(normalLabels), null);
    }

    /**
     * A reader that takes labels from {@code labelColumn} and treats the rows of its most frequent
     * label as normal (on a tie, the label that appears first in the file), all others as
     * anomalous: the usual reading of an anomaly benchmark, where anomalies are the rare classes.
     */
    public static TabularReader labelledBy(String labelColumn) {
        return new TabularReader(Objects.requireNonNull(labelColumn, "labelColumn"), null, null);
    }

    /** This reader, but reading a missing numeric value as {@code fill} instead of failing. */
    public TabularReader fillingMissingNumericWith(double fill) {
        return new TabularReader(labelColumn, normalLabels, fill);
    }

    /**
     * Reads {@code path}, choosing the format by its extension.
     *
     * @throws IOException when the file cannot be read or is malformed, naming path and line
     * @throws IllegalArgumentException for an unsupported extension, an absent label column or
     *     normal labels that no row has
     */
    public TabularDataset read(Path path) throws IOException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        if (!csv && !name.endsWith(".arff")) {
            throw new IllegalArgumentException(
                    path + ": unsupported file type, expected a .csv or .arff file");
        }
        if (!Files.isRegularFile(path)) {
            // The JDK's NoSuchFileException says only the path, which reads as no reason at all.
            throw new IOException(path + ": no such file");
        }
        RawTable table;
        try {
            table = csv ? CsvTable.parse(path) : ArffTable.parse(path);
        } catch (CharacterCodingException e) {
            // The decoder's own message ("Input length = 1") names neither file nor cause.
            throw new IOException(path + ": not a UTF-8 text file", e);
        }
        return TableEncoder.encode(table, labelColumn, normalLabels, missingNumeric);
    }
}
