package io.polygraph.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularErrorsTest {

    private static final TabularReader READER = TabularReader.labelledBy("y", Set.of("0"));

    @TempDir Path dir;

    @Test
    void wrongNumberOfCsvFields() throws IOException {
        Path csv = write("t.csv", "a,b,y", "1,2,0", "1,2");

        assertThatThrownBy(() -> READER.read(csv))
                .isInstanceOf(IOException.class)
                .hasMessage(csv + ":3: 2 fields, expected 3 as in the header");
    }

    @Test
    void wrongNumberOfArffFields() throws IOException {
        Path arff =
                write(
                        "t.arff",
                        "@relation r",
                        "@attribute a real",
                        "@attribute y {0,1}",
                        "@data",
                        "1,0,5");

        assertThatThrownBy(() -> READER.read(arff))
                .isInstanceOf(IOException.class)
                .hasMessage(arff + ":5: 3 fields, expected 2 (one per @attribute)");
    }

    @Test
    void nonNumericValueInANumericCsvColumn() throws IOException {
        Path csv = write("t.csv", "a,y", "1,0", "", "1.2.3,0");

        assertThatThrownBy(() -> READER.read(csv))
                .isInstanceOf(IOException.class)
                .hasMessage(csv + ":4: non-numeric value '1.2.3' in numeric column 'a'");
    }

    @Test
    void nonNumericValueInANumericArffColumn() throws IOException {
        Path arff = write("t.arff", "@attribute a numeric", "@attribute y {0}", "@data", "NaN,0");

        assertThatThrownBy(() -> READER.read(arff))
                .hasMessage(arff + ":4: non-numeric value 'NaN' in numeric column 'a'");
    }

    @Test
    void unknownNominalValue() throws IOException {
        Path arff =
                write(
                        "t.arff",
                        "@attribute c {red,green}",
                        "@attribute y {0}",
                        "@data",
                        "red,0",
                        "blue,0");

        assertThatThrownBy(() -> READER.read(arff))
                .isInstanceOf(IOException.class)
                .hasMessage(
                        arff
                                + ":5: unknown value 'blue' in nominal column 'c', declared [red,"
                                + " green]");
    }

    @Test
    void labelColumnNotFoundListsTheColumns() throws IOException {
        Path csv = write("t.csv", "a,b,class", "1,2,0");

        assertThatThrownBy(() -> READER.read(csv))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(csv + ": label column 'y' not found; columns: [a, b, class]");
    }

    @Test
    void emptyCsvFile() throws IOException {
        Path csv = write("t.csv");

        assertThatThrownBy(() -> READER.read(csv))
                .isInstanceOf(IOException.class)
                .hasMessage(csv + ": empty file, expected a header row");
    }

    @Test
    void emptyArffFile() throws IOException {
        Path arff = write("t.arff", "", "  ");

        assertThatThrownBy(() -> READER.read(arff))
                .isInstanceOf(IOException.class)
                .hasMessage(arff + ": empty file, expected @relation, @attribute and @data");
    }

    @Test
    void headerWithoutRows() throws IOException {
        Path csv = write("t.csv", "a,y");

        assertThatThrownBy(() -> READER.read(csv)).hasMessage(csv + ": no data rows");
    }

    @Test
    void missingNumericValueByDefault() throws IOException {
        Path arff = write("t.arff", "@attribute a real", "@attribute y {0}", "@data", "?,0");

        assertThatThrownBy(() -> READER.read(arff))
                .hasMessage(
                        arff
                                + ":4: missing value in numeric column 'a' (clean data is expected;"
                                + " see TabularReader)");
    }

    @Test
    void missingLabel() throws IOException {
        Path csv = write("t.csv", "a,y", "1,0", "2,");

        assertThatThrownBy(() -> READER.read(csv))
                .hasMessage(csv + ":3: missing value in label column 'y'");
    }

    @Test
    void normalLabelsThatNoRowHas() throws IOException {
        Path csv = write("t.csv", "a,y", "1,normal", "2,attack");

        assertThatThrownBy(() -> READER.read(csv))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        csv + ": no row has a normal label [0]; labels found: [normal, attack]");
    }

    @Test
    void unterminatedQuote() throws IOException {
        Path csv = write("t.csv", "a,y", "\"open,0");

        assertThatThrownBy(() -> READER.read(csv)).hasMessage(csv + ":2: unterminated \" quote");
    }

    @Test
    void unsupportedArffType() throws IOException {
        Path arff = write("t.arff", "@relation r", "@attribute when date", "@data");

        assertThatThrownBy(() -> READER.read(arff))
                .hasMessage(
                        arff
                                + ":2: unsupported type 'date' of attribute 'when'; supported:"
                                + " numeric, real, integer, {nominal values}");
    }

    @Test
    void unsupportedExtension() throws IOException {
        Path json = write("t.json", "{}");

        assertThatThrownBy(() -> READER.read(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(json + ": unsupported file type, expected a .csv or .arff file");
    }

    @Test
    void aFileThatIsNotThereIsNamed() {
        Path csv = dir.resolve("absent.csv");

        assertThatThrownBy(() -> READER.read(csv))
                .isInstanceOf(IOException.class)
                .hasMessage(csv + ": no such file");
    }

    @Test
    void bytesThatAreNotUtf8AreNamedWithThePath() throws IOException {
        Path csv = dir.resolve("binary.csv");
        Files.write(csv, new byte[] {'a', ',', 'y', '\n', (byte) 0xC3, (byte) 0x28, ',', '0'});

        assertThatThrownBy(() -> READER.read(csv))
                .isInstanceOf(IOException.class)
                .hasMessage(csv + ": not a UTF-8 text file");
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }
}
