package io.polygraph.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.eval.report.DatasetEvaluation;
import io.polygraph.eval.report.ReportJsonWriter;
import io.polygraph.eval.report.ReportMetric;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code polygraph evaluate --dataset tabular} on small generated tables, and every way a user's
 * file can be unusable: each ends with one line naming the file, and exit code 1.
 */
class EvaluateTabularCommandTest {

    @TempDir Path dir;

    @Test
    void comparesDuadTheAutoencoderAndPcaOnAUsersCsv() throws Exception {
        Path csv = write("blobs.csv", table(110, 10));
        Path out = dir.resolve("report");

        int exit =
                PolygraphCli.commandLine()
                        .execute(
                                "evaluate",
                                "--dataset=tabular",
                                "--file=" + csv,
                                "--label-column=kind",
                                "--epochs=1",
                                "--seeds=4",
                                "--out=" + out);

        assertThat(exit).isZero();
        DatasetEvaluation report = new ReportJsonWriter().read(out.resolve("report.json"));
        assertThat(report.dataset()).isEqualTo("tabular-blobs");
        assertThat(report.description()).contains(csv.toString(), "normal label [ok]");
        assertThat(report.detectors())
                .extracting(d -> d.name())
                .containsExactly("DUAD", "AE on all rows", "PCA reconstruction");
        assertThat(report.detectors().get(0).flaggedShareByType()).containsKeys("NORMAL", "odd");
        // The odd rows leave the line the normal ones lie on: PCA, capped below the width, sees it.
        assertThat(report.detectors().get(2).summaryOf(ReportMetric.AUROC).mean())
                .isGreaterThan(0.8);
        assertThat(Files.readString(out.resolve("report.html"))).contains("<table", "blobs.csv");
    }

    @Test
    void aFileThatIsNotThere() {
        Path absent = dir.resolve("absent.csv");

        assertOneLineError(run(absent, "kind"), absent + ": no such file");
    }

    @Test
    void aLabelColumnThatIsNotThere() throws IOException {
        Path csv = write("t.csv", table(110, 10));

        assertOneLineError(
                run(csv, "class"), csv + ": label column 'class' not found; columns: [a, b, kind]");
    }

    @Test
    void aNonNumericValueNamesItsLine() throws IOException {
        List<String> lines = table(110, 10);
        lines.set(3, "1.5,abc,ok");
        Path csv = write("t.csv", lines);

        assertOneLineError(
                run(csv, "kind"), csv + ":4: non-numeric value 'abc' in numeric column 'b'");
    }

    @Test
    void aTableOfOneClass() throws IOException {
        Path csv = write("t.csv", table(110, 0));

        assertOneLineError(
                run(csv, "kind"),
                csv
                        + ": all 110 rows have the normal label [ok]; an evaluation needs anomalous"
                        + " rows too");
    }

    @Test
    void tooFewRows() throws IOException {
        Path csv = write("t.csv", table(20, 4));

        assertOneLineError(
                run(csv, "kind"), csv + ": 24 rows leave 12 for training; at least 20 are needed");
    }

    @Test
    void aNormalLabelThatNoRowHas() throws IOException {
        Path csv = write("t.csv", table(110, 10));

        assertOneLineError(
                run(csv, "kind", "--normal-label=normal"),
                csv + ": no row has a normal label [normal]; labels found: [ok, odd]");
    }

    @Test
    void aFileThatIsNeitherCsvNorArff() throws IOException {
        Path json = write("t.json", List.of("{}"));

        assertOneLineError(
                run(json, "kind"), json + ": unsupported file type, expected a .csv or .arff file");
    }

    @Test
    void theTabularOptionsAreRequiredThereAndRefusedElsewhere() {
        StringWriter err = new StringWriter();
        CommandLine cli = PolygraphCli.commandLine().setErr(new PrintWriter(err));

        assertThat(cli.execute("evaluate", "--dataset=tabular", "--file=t.csv", "--out=x"))
                .isEqualTo(2);
        assertThat(cli.execute("evaluate", "--dataset=mnist", "--file=t.csv", "--out=x"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("--dataset tabular needs --file and --label-column")
                .contains("are for --dataset tabular");
    }

    /** Runs the command on {@code file}; returns its exit code and standard error. */
    private Result run(Path file, String labelColumn, String... more) {
        StringWriter err = new StringWriter();
        CommandLine cli = PolygraphCli.commandLine().setErr(new PrintWriter(err));
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "evaluate",
                                "--dataset=tabular",
                                "--file=" + file,
                                "--label-column=" + labelColumn,
                                "--out=" + dir.resolve("report")));
        args.addAll(List.of(more));
        int exit = cli.execute(args.toArray(String[]::new));
        return new Result(exit, err.toString());
    }

    private static void assertOneLineError(Result result, String message) {
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("evaluate: " + message);
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), lines);
    }

    /** A header and {@code normals} rows labelled ok around (0, 0), {@code odd} far away. */
    private static List<String> table(int normals, int odd) {
        Random random = new Random(11);
        List<String> lines = new ArrayList<>();
        lines.add("a,b,kind");
        for (int i = 0; i < normals + odd; i++) {
            double u = random.nextGaussian();
            double v = i < normals ? u + 0.1 * random.nextGaussian() : -u + 3;
            lines.add(String.format(Locale.ROOT, "%.3f,%.3f,%s", u, v, i < normals ? "ok" : "odd"));
        }
        return lines;
    }

    private record Result(int exit, String err) {}
}
