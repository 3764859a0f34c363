package io.polygraph.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularArffTest {

    @TempDir Path dir;

    @Test
    void oneHotsNominalsInDeclarationOrderAndMapsLabels() throws IOException {
        Path arff =
                write(
                        "% a comment before the header",
                        "@RELATION shuttle",
                        "",
                        "@attribute duration NUMERIC",
                        "@attribute 'protocol type' {udp, tcp, 'icmp echo'}  % declared order",
                        "@attribute count integer",
                        "@attribute class {normal,attack}",
                        "@data",
                        "% a comment among the rows",
                        "1.5,tcp,3,normal",
                        "0, 'icmp echo', 7, attack % trailing comment",
                        "2,udp,0,normal");

        TabularDataset data = TabularReader.labelledBy("class", Set.of("normal")).read(arff);

        assertThat(data.featureNames())
                .containsExactly(
                        "duration",
                        "protocol type=udp",
                        "protocol type=tcp",
                        "protocol type=icmp echo",
                        "count");
        assertThat(data.features())
                .isDeepEqualTo(
                        new double[][] {{1.5, 0, 1, 0, 3}, {0, 0, 0, 1, 7}, {2, 1, 0, 0, 0}});
        assertThat(data.anomalous()).containsExactly(false, true, false);
        assertThat(data.labels()).containsExactly("normal", "attack", "normal");
    }

    @Test
    void aDeclaredButUnusedValueStillGetsItsSlot() throws IOException {
        Path arff =
                write("@relation r", "@attribute c {a,b,c}", "@attribute y real", "@data", "b,0");

        TabularDataset data = TabularReader.labelledBy("y", Set.of("0")).read(arff);

        assertThat(data.featureNames()).containsExactly("c=a", "c=b", "c=c");
        assertThat(data.features()).isDeepEqualTo(new double[][] {{0, 1, 0}});
    }

    @Test
    void readsTheSameTableAsTheEquivalentCsv() throws IOException {
        Path arff =
                write(
                        "@relation r",
                        "@attribute x real",
                        "@attribute c {p,q}",
                        "@attribute y {n,a}",
                        "@data",
                        "1,q,n",
                        "2,p,a");
        Path csv = Files.write(dir.resolve("t.csv"), List.of("x,c,y", "1,q,n", "2,p,a"));
        TabularReader reader = TabularReader.labelledBy("y", Set.of("n"));

        // CSV orders values by first appearance, so q comes first there.
        assertThat(reader.read(arff).featureNames()).containsExactly("x", "c=p", "c=q");
        assertThat(reader.read(csv).featureNames()).containsExactly("x", "c=q", "c=p");
        assertThat(reader.read(csv).anomalous()).isEqualTo(reader.read(arff).anomalous());
    }

    private Path write(String... lines) throws IOException {
        return Files.write(dir.resolve("table.arff"), List.of(lines));
    }
}
