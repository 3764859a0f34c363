package io.polygraph.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularCsvTest {

    @TempDir Path dir;

    @Test
    void keepsNumbersOneHotsStringsAndMapsLabels() throws IOException {
        Path csv =
                write(
                        "amount,channel,class,hour",
                        "12.5,web,normal,3",
                        "-1e2,\"shop, high street\",fraud,23",
                        "",
                        "0,web,normal,.5");

        TabularDataset data = TabularReader.labelledBy("class", Set.of("normal")).read(csv);

        assertThat(data.featureNames())
                .containsExactly("amount", "channel=web", "channel=shop, high street", "hour");
        assertThat(data.features())
                .isDeepEqualTo(new double[][] {{12.5, 1, 0, 3}, {-100, 0, 1, 23}, {0, 1, 0, 0.5}});
        assertThat(data.anomalous()).containsExactly(false, true, false);
        assertThat(data.labels()).containsExactly("normal", "fraud", "normal");
        assertThat(data.anomalyCount()).isEqualTo(1);
    }

    @Test
    void severalLabelsCanMeanNormal() throws IOException {
        Path csv = write("x,label", "1,a", "2,b", "3,c");

        TabularDataset data = TabularReader.labelledBy("label", List.of("a", "b")).read(csv);

        assertThat(data.anomalous()).containsExactly(false, false, true);
    }

    @Test
    void withoutNormalLabelsTheMostFrequentLabelIsNormal() throws IOException {
        Path csv = write("x,label", "1,attack", "2,ok", "3,probe", "4,ok");

        TabularDataset data = TabularReader.labelledBy("label").read(csv);

        assertThat(data.anomalous()).containsExactly(true, false, true, false);
    }

    @Test
    void aTieForMostFrequentGoesToTheLabelSeenFirst() throws IOException {
        Path csv = write("x,label", "1,b", "2,a", "3,a", "4,b", "5,c");

        TabularDataset data = TabularReader.labelledBy("label").read(csv);

        assertThat(data.anomalous()).containsExactly(false, true, true, false, true);
    }

    @Test
    void quotesAreDoubledInsideQuotedFieldsAndAQuotedQuestionMarkIsAValue() throws IOException {
        Path csv = write("\"name\",y", "\"say \"\"hi\"\"\",0", "\"?\",1");

        TabularDataset data = TabularReader.labelledBy("y", Set.of("0")).read(csv);

        assertThat(data.featureNames()).containsExactly("name=say \"hi\"", "name=?");
    }

    @Test
    void missingNumbersCanBeFilledWhenTheCallerAsks() throws IOException {
        Path csv = write("x,z,y", "1,,0", "?,4,0");

        TabularDataset data =
                TabularReader.labelledBy("y", Set.of("0")).fillingMissingNumericWith(-1).read(csv);

        assertThat(data.features()).isDeepEqualTo(new double[][] {{1, -1}, {-1, 4}});
    }

    @Test
    void aByteOrderMarkDoesNotGlueOntoTheFirstColumn() throws IOException {
        Path csv = write("\uFEFFx,y", "1,0");

        assertThat(TabularReader.labelledBy("y", Set.of("0")).read(csv).featureNames())
                .containsExactly("x");
    }

    private Path write(String... lines) throws IOException {
        return Files.write(dir.resolve("table.csv"), List.of(lines));
    }
}
