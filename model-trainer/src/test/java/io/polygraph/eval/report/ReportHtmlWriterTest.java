package io.polygraph.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportHtmlWriterTest {

    private static final Pattern FIGURE =
            Pattern.compile(
                    "<figure class=\"chart (\\w+)\"><img src=\"data:image/png;base64,([^\"]+)\"");

    private final ReportHtmlWriter writer = new ReportHtmlWriter();

    @Test
    void comparesDetectorsInOneRowEachAsMeanPlusMinusStd() {
        String html = writer.render(TestEvaluations.evaluation());

        assertThat(html).contains("<h1>Evaluation on tiny-world</h1>");
        assertThat(html)
                .containsPattern(
                        "<table class=\"comparison\">\\n<tr><th>Detector</th><th>Runs \\(seed\\)</th><th>AUROC</th>");
        assertThat(html)
                .containsPattern(
                        "<tr><th>CMAD</th><td>3</td><td>[01]\\.\\d{4} &plusmn; 0\\.\\d{4}</td>");
        assertThat(html).containsPattern("<tr><th>IsolationForest</th><td>3</td>");
        assertThat(html)
                .contains("<th>SIGNATURE_MISMATCH (positive)</th>")
                .contains("<th>OUTLIER</th>")
                .contains("<th>Wall time (s)</th>");
    }

    @Test
    void countsAndListsFailedRunsAndStillRendersADetectorWhoseRunsAllFailed() {
        String html = writer.render(TestEvaluations.evaluationWithFailures());

        assertThat(html)
                .contains("<th>Runs (seed)</th><th>Failed runs</th><th>AUROC</th>")
                .containsPattern("<tr><th>CMAD</th><td>3</td><td>1</td><td>[01]\\.\\d{4} &plusmn;")
                .containsPattern("<tr><th>MMOC-GAN</th><td>0</td><td>2</td><td>n/a</td>")
                .contains("<h2>Runs that failed</h2>")
                .contains(
                        "<tr><th>MMOC-GAN</th><td>2</td><td>0.8</td><td class=\"reason\">"
                                + "training diverged: mmoc raw scores all equal 1.0 on 9 training"
                                + " rows &lt;nothing to rank by&gt;</td></tr>")
                .contains("<tr><th>CMAD</th><td>4</td>");
        // Charts draw CMAD's runs only: MMOC-GAN has none to draw.
        List<String> kinds = new ArrayList<>();
        Matcher figure = FIGURE.matcher(html);
        while (figure.find()) {
            kinds.add(figure.group(1));
        }
        assertThat(kinds).containsExactly("roc", "pr", "histogram", "loss");
    }

    @Test
    void showsNoFailureColumnOrSectionWhenEveryRunSucceeded() {
        String html = writer.render(TestEvaluations.evaluation());

        assertThat(html).doesNotContain("Failed runs").doesNotContain("Runs that failed");
    }

    @Test
    void namesRunsByTheProtocolsRunLabel() {
        DatasetEvaluation byDigit =
                DatasetEvaluation.withRuns(
                        "held-out digit",
                        "mnist-leave-one-digit-out",
                        "each run leaves one digit out",
                        TestEvaluations.evaluation().detectors());

        String html = writer.render(byDigit);

        assertThat(html)
                .contains("<th>Runs (held-out digit)</th>")
                .contains("<tr><th>Detector</th><th>Held-out digit</th>")
                .contains("one run per held-out digit")
                .doesNotContain("<th>Seed</th>");
    }

    @Test
    void embedsEveryChartKindAsAPngDataUri() throws Exception {
        String html = writer.render(TestEvaluations.evaluation());

        List<String> kinds = new ArrayList<>();
        Matcher figure = FIGURE.matcher(html);
        while (figure.find()) {
            kinds.add(figure.group(1));
            BufferedImage image =
                    ImageIO.read(
                            new ByteArrayInputStream(Base64.getDecoder().decode(figure.group(2))));
            assertThat(image.getWidth()).isEqualTo(ChartImages.WIDTH);
            assertThat(image.getHeight()).isEqualTo(ChartImages.HEIGHT);
        }

        // Two detectors: one histogram each, loss only for CMAD; two heat maps.
        assertThat(kinds)
                .containsExactly(
                        "roc", "pr", "histogram", "histogram", "loss", "heatmap", "heatmap");
        assertThat(html).doesNotContain("IsolationForest training loss");
    }

    @Test
    void escapesEverythingItWasGiven() {
        DatasetEvaluation hostile =
                DatasetEvaluation.of(
                        "<script>alert('dataset')</script>",
                        "a & b < c",
                        List.of(TestEvaluations.detector("<script>x</script>", 2.0, false)),
                        List.of());

        String html = writer.render(hostile);

        assertThat(html.toLowerCase()).doesNotContain("<script");
        assertThat(html).contains("&lt;script&gt;x&lt;/script&gt;").contains("a &amp; b &lt; c");
    }

    @Test
    void showsTheMeanAloneForASingleSeed() {
        DetectorEvaluation single =
                DetectorEvaluation.of(
                        "one-seed",
                        java.util.Map.of(),
                        List.of(TestEvaluations.run(7, 2.0, false)));

        String html = writer.render(DatasetEvaluation.of("d", "", List.of(single), List.of()));

        assertThat(html).containsPattern("<tr><th>one-seed</th><td>1</td><td>[01]\\.\\d{4}</td>");
    }

    @Test
    void writesAFileThatLoadsNothingFromOutside(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.html");

        writer.write(TestEvaluations.evaluation(), file);

        String html = Files.readString(file);
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html)
                .doesNotContain("http://")
                .doesNotContain("https://")
                .doesNotContain("<link");
    }

    @Test
    void rendersAHeatMapOnItsOwn() throws Exception {
        HeatMap map = TestEvaluations.sweep("precision");

        String html =
                writer.render(
                        DatasetEvaluation.of("sweep", "gamma by epsilon", List.of(), List.of(map)));

        Matcher figure = FIGURE.matcher(html);
        assertThat(figure.find()).isTrue();
        assertThat(figure.group(1)).isEqualTo("heatmap");
        assertThat(
                        ImageIO.read(
                                new ByteArrayInputStream(
                                        Base64.getDecoder().decode(figure.group(2)))))
                .isNotNull();
    }
}
