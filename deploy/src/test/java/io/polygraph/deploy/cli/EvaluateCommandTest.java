package io.polygraph.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.eval.report.DatasetEvaluation;
import io.polygraph.eval.report.ReportJsonWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code polygraph evaluate} on a small part of the real MNIST data, and its usage errors. */
class EvaluateCommandTest {

    @Test
    void writesAReadableJsonAndHtmlReport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");

        int exit =
                PolygraphCli.commandLine()
                        .execute(
                                "evaluate",
                                "--dataset=mnist",
                                "--train-images=300",
                                "--epochs=1",
                                "--seeds=4,5",
                                "--test-pairs=40",
                                "--gans=mmoc",
                                "--out=" + out);

        assertThat(exit).isZero();
        DatasetEvaluation report = new ReportJsonWriter().read(out.resolve("report.json"));
        assertThat(report.dataset()).isEqualTo("mnist-image-tag");
        assertThat(report.detectors())
                .extracting(d -> d.name())
                .containsExactly("CMAD", "MMOC-GAN");
        assertThat(report.detectors()).allSatisfy(d -> assertThat(d.runs()).hasSize(2));
        assertThat(report.detectors().get(1).runs().get(0).trainingLoss())
                .extracting(curve -> curve.name())
                .contains("discriminator loss", "generator loss");
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("<table", "data:image/png;base64,", "300 training images");
    }

    @Test
    void evaluatesCmadAndDmafnOnATinyWorldWithPerTypeRecall(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("world-report");

        int exit =
                PolygraphCli.commandLine()
                        .execute(
                                "evaluate",
                                "--dataset=world",
                                "--customers=40",
                                "--days=6",
                                "--epochs=1",
                                "--seeds=3",
                                "--dmafn=late:autoencoder",
                                "--out=" + out);

        assertThat(exit).isZero();
        DatasetEvaluation report = new ReportJsonWriter().read(out.resolve("report.json"));
        assertThat(report.dataset()).isEqualTo("world");
        assertThat(report.detectors())
                .extracting(d -> d.name())
                .contains("DMAFN (late, AE)", "MMOC-GAN", "IGMM-BiGAN")
                .doesNotContain("DMAFN (attention, AE)");
        assertThat(report.detectors().get(0).flaggedShareByType()).containsKey("NORMAL");
        assertThat(report.detectors())
                .extracting(d -> d.name())
                .contains(
                        "CMAD",
                        "CMAD (K=3, LSTM history)",
                        "PCA transaction only",
                        "AE all features");
        assertThat(report.detectors().get(0).runs().get(0).trainingLoss())
                .extracting(curve -> curve.name())
                .contains("profile~transaction loss");
    }

    @Test
    void comparesDuadWithThePlainAutoencoderPerContaminationShare(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("duad-report");

        int exit =
                PolygraphCli.commandLine()
                        .execute(
                                "evaluate",
                                "--dataset=contaminated",
                                "--train-images=1500",
                                "--normal-digit=1",
                                "--contamination=0.1",
                                "--seeds=2",
                                "--out=" + out);

        assertThat(exit).isZero();
        DatasetEvaluation report = new ReportJsonWriter().read(out.resolve("report.json"));
        assertThat(report.dataset()).isEqualTo("mnist-one-class-digit-1");
        assertThat(report.detectors())
                .extracting(d -> d.name())
                .containsExactly("DUAD, 10 % contaminated", "AE on all rows, 10 % contaminated");
    }

    @Test
    void verifiesRealSignaturesOfUnseenWritersPerForgeryType(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("signature-report");

        int exit =
                PolygraphCli.commandLine()
                        .execute(
                                "evaluate",
                                "--dataset=signatures",
                                "--epochs=1",
                                "--enrolment=2",
                                "--target-alert-rate=0.1",
                                "--seeds=6",
                                "--out=" + out);

        assertThat(exit).isZero();
        DatasetEvaluation report = new ReportJsonWriter().read(out.resolve("report.json"));
        assertThat(report.dataset()).isEqualTo("signatures");
        assertThat(report.detectors())
                .extracting(d -> d.name())
                .contains(
                        "CMAD", "CMAD, skilled forgeries", "Canvas correlation, random forgeries");
        assertThat(report.detectors().get(0).config())
                .containsEntry("enrolment", 2)
                .containsEntry("targetAlertRate", 0.1);
        assertThat(report.detectors().get(0).flaggedShareByType())
                .containsKeys("NORMAL", "skilled-forgery", "random-forgery");
    }

    @Test
    void aMissingSignatureFolderIsOneClearLine(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = PolygraphCli.commandLine().setErr(new PrintWriter(err));

        int exit =
                cli.execute(
                        "evaluate",
                        "--dataset=signatures",
                        "--data=" + dir,
                        "--out=" + dir.resolve("report"));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains("evaluate: Signature data not found")
                .contains(dir.resolve("signatures").toString())
                .doesNotContain("\tat ");
    }

    @Test
    void enrolmentIsASignatureOptionAndPositive() {
        StringWriter err = new StringWriter();
        CommandLine cli = PolygraphCli.commandLine().setErr(new PrintWriter(err));

        assertThat(cli.execute("evaluate", "--dataset=mnist", "--enrolment=3", "--out=x"))
                .isEqualTo(2);
        assertThat(cli.execute("evaluate", "--dataset=signatures", "--enrolment=0", "--out=x"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("--enrolment is for --dataset signatures")
                .contains("--enrolment must be at least 1");
    }

    @Test
    void theSweepIsOnlyForMnist() {
        StringWriter err = new StringWriter();
        CommandLine cli = PolygraphCli.commandLine().setErr(new PrintWriter(err));

        assertThat(cli.execute("evaluate", "--dataset=world", "--sweep", "--out=x")).isEqualTo(2);
        assertThat(err.toString()).contains("--sweep");
    }

    @Test
    void anUnknownDmafnVariantIsAUsageErrorBeforeAnyTraining() {
        StringWriter err = new StringWriter();
        CommandLine cli = PolygraphCli.commandLine().setErr(new PrintWriter(err));

        assertThat(cli.execute("evaluate", "--dataset=world", "--dmafn=deep:ae", "--out=x"))
                .isEqualTo(2);
        assertThat(cli.execute("evaluate", "--dataset=world", "--dmafn=late", "--out=x"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("'deep' is not one of [early, late, attention]")
                .contains("--dmafn late: expected MODE:HEAD");
    }

    @Test
    void anUnknownGanIsAUsageErrorBeforeAnyTraining() {
        StringWriter err = new StringWriter();
        CommandLine cli = PolygraphCli.commandLine().setErr(new PrintWriter(err));

        assertThat(cli.execute("evaluate", "--dataset=world", "--gans=mmoc,gan", "--out=x"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("--gans: 'gan' is not one of [mmoc, igmm-bigan] (or none)");
    }

    @Test
    void anUnknownDatasetListsTheKnownOnes() {
        StringWriter err = new StringWriter();
        CommandLine cli = PolygraphCli.commandLine().setErr(new PrintWriter(err));

        assertThat(cli.execute("evaluate", "--dataset=imagenet", "--out=x")).isEqualTo(2);
        assertThat(err.toString()).contains("imagenet").contains("mnist").contains("world");
    }

    @Test
    void aMissingDataFolderIsOneClearLine(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = PolygraphCli.commandLine().setErr(new PrintWriter(err));

        int exit =
                cli.execute(
                        "evaluate",
                        "--dataset=mnist",
                        "--data=" + dir.resolve("nowhere"),
                        "--out=" + dir.resolve("report"));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains("evaluate: ")
                .contains("nowhere")
                .doesNotContain("\tat ");
    }

    @Test
    void nonsensicalNumbersAreUsageErrors() {
        StringWriter err = new StringWriter();
        CommandLine cli = PolygraphCli.commandLine().setErr(new PrintWriter(err));

        assertThat(cli.execute("evaluate", "--dataset=mnist", "--test-pairs=0", "--out=x"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--test-pairs");
    }
}
