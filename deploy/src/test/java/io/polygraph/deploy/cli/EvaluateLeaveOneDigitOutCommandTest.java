package io.polygraph.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.eval.report.DatasetEvaluation;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.ReportJsonWriter;
import io.polygraph.eval.report.SeedRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code polygraph evaluate --dataset leave-one-digit-out} on a small part of the real MNIST data
 * (fails when ../shared/data is missing), and its usage errors.
 */
class EvaluateLeaveOneDigitOutCommandTest {

    @Test
    void reportsEveryDetectorPerHeldOutDigit(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");

        int exit =
                PolygraphCli.commandLine()
                        .execute(
                                "evaluate",
                                "--dataset=leave-one-digit-out",
                                "--train-images=800",
                                "--digits=1,8",
                                "--epochs=1",
                                "--mmoc-codes=2",
                                "--out=" + out);

        assertThat(exit).isZero();
        DatasetEvaluation report = new ReportJsonWriter().read(out.resolve("report.json"));
        assertThat(report.dataset()).isEqualTo("mnist-leave-one-digit-out");
        assertThat(report.runLabel()).isEqualTo("held-out digit");
        assertThat(report.detectors())
                .extracting(DetectorEvaluation::name)
                .containsExactly(
                        "IGMM-BiGAN (mixture)",
                        "EGBAD (same BiGAN)",
                        "Single Gaussian (same latent space)",
                        "MMOC-GAN (m = 2)");
        for (DetectorEvaluation detector : report.detectors()) {
            assertThat(detector.runs()).extracting(SeedRun::seed).containsExactly(1L, 8L);
        }
        assertThat(Files.readString(out.resolve("report.html")))
                .contains("<th>Runs (held-out digit)</th>", "<th>Held-out digit</th>");
    }

    @Test
    void badDigitsCodesAndSeveralSeedsAreUsageErrors() {
        StringWriter err = new StringWriter();
        CommandLine cli = PolygraphCli.commandLine().setErr(new PrintWriter(err));

        assertThat(
                        cli.execute(
                                "evaluate",
                                "--dataset=leave-one-digit-out",
                                "--digits=3,12",
                                "--out=x"))
                .isEqualTo(2);
        assertThat(
                        cli.execute(
                                "evaluate",
                                "--dataset=leave-one-digit-out",
                                "--digits=3,3",
                                "--out=x"))
                .isEqualTo(2);
        assertThat(
                        cli.execute(
                                "evaluate",
                                "--dataset=leave-one-digit-out",
                                "--mmoc-codes=0",
                                "--out=x"))
                .isEqualTo(2);
        assertThat(
                        cli.execute(
                                "evaluate",
                                "--dataset=leave-one-digit-out",
                                "--mmoc-codes=many",
                                "--out=x"))
                .isEqualTo(2);
        assertThat(
                        cli.execute(
                                "evaluate",
                                "--dataset=leave-one-digit-out",
                                "--seeds=1,2",
                                "--out=x"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("--digits must list digits 0..9")
                .contains("--digits lists a digit twice")
                .contains("--mmoc-codes must be at least 1")
                .contains("--mmoc-codes takes whole numbers or none")
                .contains("takes one seed");
    }
}
