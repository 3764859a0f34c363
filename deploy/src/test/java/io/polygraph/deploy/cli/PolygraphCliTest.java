package io.polygraph.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.polygraph.bigan.BiganDetectorType;
import io.polygraph.combined.CombinedDetectorType;
import io.polygraph.detector.CmadSequenceDetectorType;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.ImageTagDetectorType;
import io.polygraph.detector.ImageTagParameters;
import io.polygraph.detector.SnapshotManifest;
import io.polygraph.fusion.DmafnDetectorType;
import io.polygraph.mmoc.MmocDetectorType;
import io.polygraph.world.World;
import io.polygraph.world.WorldConfig;
import io.polygraph.world.WorldFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PolygraphCliTest {

    @Test
    void listsEverySubcommandInItsHelp() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new PolygraphCli()).setOut(new PrintWriter(out));

        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString())
                .contains("demo", "broker", "generate", "train", "evaluate", "run");
    }

    @Test
    void generateWritesAWorldThatReadsBack(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("world");

        int exit =
                new CommandLine(new PolygraphCli())
                        .execute(
                                "generate",
                                "--out",
                                out.toString(),
                                "--customers",
                                "6",
                                "--days",
                                "3",
                                "--seed",
                                "7");

        assertThat(exit).isZero();
        World world = WorldFiles.read(out);
        assertThat(world.config().seed()).isEqualTo(7);
        assertThat(world.config().customers()).isEqualTo(6);
        assertThat(world.transactions()).isNotEmpty();
    }

    @Test
    void generateWithoutADestinationIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PolygraphCli()).setErr(new PrintWriter(err));

        assertThat(cli.execute("generate", "--customers", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("--out", "--bootstrap-servers");
    }

    @Test
    void benchOnAnUnknownGraphBackendIsAUsageErrorBeforeAnythingIsTrained() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PolygraphCli()).setErr(new PrintWriter(err));

        assertThat(cli.execute("bench", "--quick", "--benchmarks", "1", "--graph-backend", "tpu"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--graph-backend", "tpu");
    }

    @Test
    void trainWithTheFusionDetectorWritesADmafnSnapshot(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("dmafn.zip");

        DetectorSnapshot snapshot =
                trainTiny(out, 16, 5, "--detector", "dmafn", "--fusion", "LATE");
        assertThat(snapshot.type().id()).isEqualTo(DmafnDetectorType.ID);
        assertThat(snapshot.manifest().parameters().get("mode").asText()).isEqualTo("LATE");
    }

    @Test
    void trainTheCombinationWritesBothMembersWithAClassifierHeadByDefault(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("combined.zip");

        DetectorSnapshot snapshot = trainTiny(out, 24, 7, "--detector", "combined");
        assertThat(snapshot.type().id()).isEqualTo(CombinedDetectorType.ID);
        JsonNode members = snapshot.manifest().parameters().get("members");
        assertThat(members.get(0).path("manifest").path("detectorType").asText()).isEqualTo("cmad");
        assertThat(members.get(1).path("manifest").path("parameters").path("head").asText())
                .isEqualTo("CLASSIFIER");
        // The generated training world comes with a generated calibration world for epsilon.
        assertThat(snapshot.manifest().trainingConfig().path("thresholdCalibratedOn").asText())
                .isEqualTo("independent calibration records");
    }

    @Test
    void trainWithAnLstmHistoryWritesACmadSequenceSnapshot(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("cmad-sequence.zip");

        DetectorSnapshot snapshot =
                trainTiny(out, 16, 5, "--detector", "cmad", "--history", "lstm");
        assertThat(snapshot.type().id()).isEqualTo(CmadSequenceDetectorType.ID);
    }

    @Test
    void trainWithTheMmocDetectorWritesAnMmocSnapshotWithItsLossCurves(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("mmoc.zip");

        DetectorSnapshot snapshot =
                trainTiny(
                        out,
                        16,
                        5,
                        "--detector",
                        "mmoc",
                        "--codes",
                        "3",
                        "--learning-rate",
                        "0.002");
        assertThat(snapshot.type().id()).isEqualTo(MmocDetectorType.ID);
        JsonNode gan = snapshot.manifest().trainingConfig().path("gan");
        assertThat(gan.path("codes").asInt()).isEqualTo(3);
        assertThat(gan.path("learningRate").asDouble()).isEqualTo(0.002);
        // --epochs 1 reaches both networks MMOC-GAN trains: one loss per epoch in each curve.
        JsonNode curves = snapshot.manifest().trainingConfig().path("curves");
        assertThat(curves.path("discriminator")).hasSize(1);
        assertThat(curves.path("generator")).hasSize(1);
        assertThat(curves.path("target")).hasSize(1);
        try (var scorer = snapshot.type().newScorer(snapshot)) {
            assertThat(scorer.modelInfo().name()).isEqualTo("mmoc");
        }
    }

    @Test
    void trainWithTheIgmmBiganDetectorWritesAnIgmmBiganSnapshotWithCurvesAndClusters(
            @TempDir Path dir) throws Exception {
        Path out = dir.resolve("igmm-bigan.zip");

        DetectorSnapshot snapshot =
                trainTiny(
                        out,
                        16,
                        5,
                        "--detector",
                        "igmm-bigan",
                        "--learning-rate",
                        "0.0001",
                        "--mixture-min-cluster-size",
                        "20",
                        "--mixture-prior-scale",
                        "3",
                        "--mixture-unit-variance");
        assertThat(snapshot.type().id()).isEqualTo(BiganDetectorType.ID);
        JsonNode gan = snapshot.manifest().trainingConfig().path("gan");
        assertThat(gan.path("learningRate").asDouble()).isEqualTo(1e-4);
        assertThat(gan.path("mixture").path("minClusterSize").asInt()).isEqualTo(20);
        assertThat(gan.path("mixture").path("priorScale").asDouble()).isEqualTo(3.0);
        assertThat(gan.path("mixture").path("scaleToUnitVariance").asBoolean()).isTrue();
        // --epochs 1 reaches the BiGAN: one loss per epoch and player.
        JsonNode training = snapshot.manifest().trainingConfig();
        assertThat(training.path("curves").path("discriminator")).hasSize(1);
        assertThat(training.path("curves").path("encoderGenerator")).hasSize(1);
        assertThat(training.path("clusters").path("count").asInt()).isPositive();
        assertThat(training.path("clusters").path("sizes"))
                .hasSize(training.path("clusters").path("count").asInt());
        try (var scorer = snapshot.type().newScorer(snapshot)) {
            assertThat(scorer.modelInfo().name()).isEqualTo("igmm-bigan");
        }
    }

    @Test
    void ganOptionsForAnotherDetectorOrOutOfRangeAreUsageErrors() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PolygraphCli()).setErr(new PrintWriter(err));

        assertThat(
                        cli.execute(
                                "train",
                                "--detector",
                                "cmad",
                                "--learning-rate",
                                "0.1",
                                "--out",
                                "x"))
                .isEqualTo(2);
        assertThat(cli.execute("train", "--detector", "igmm-bigan", "--codes", "3", "--out", "x"))
                .isEqualTo(2);
        assertThat(
                        cli.execute(
                                "train",
                                "--detector",
                                "mmoc",
                                "--mixture-prior-scale",
                                "3",
                                "--out",
                                "x"))
                .isEqualTo(2);
        assertThat(
                        cli.execute(
                                "train",
                                "--detector",
                                "mmoc",
                                "--mixture-unit-variance",
                                "--out",
                                "x"))
                .isEqualTo(2);
        assertThat(cli.execute("train", "--detector", "mmoc", "--codes", "0", "--out", "x"))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("--learning-rate is for --detector mmoc or igmm-bigan")
                .contains("--codes is for --detector mmoc")
                .contains("--mixture-* options are for --detector igmm-bigan")
                .contains("--codes must be at least 1");
    }

    @Test
    void historyWithAnotherDetectorThanCmadIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PolygraphCli()).setErr(new PrintWriter(err));

        assertThat(cli.execute("train", "--detector", "dmafn", "--history", "lstm", "--out", "x"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--history is for --detector cmad");
    }

    @Test
    void trainWithoutASeedUsesAWorldOtherThanTheDemosLiveOne() {
        CommandLine given = new CommandLine(new TrainCommand());
        given.parseArgs("--out", "x.zip", "--seed", "7");
        CommandLine defaulted = new CommandLine(new TrainCommand());
        defaulted.parseArgs("--out", "x.zip");

        assertThat(((TrainCommand) given.getCommand()).trainingSeed()).isEqualTo(7);
        assertThat(((TrainCommand) defaulted.getCommand()).trainingSeed())
                .isEqualTo(WorldConfig.defaults().seed() + 1000)
                .isNotEqualTo(WorldConfig.defaults().seed());
    }

    @Test
    void fusionOptionsWithTheCmadDetectorAreAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PolygraphCli()).setErr(new PrintWriter(err));

        assertThat(cli.execute("train", "--detector", "cmad", "--fusion", "LATE", "--out", "x.zip"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--fusion and --head are for --detector dmafn");
    }

    @Test
    void runRequiresASnapshotAndKafka() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PolygraphCli()).setErr(new PrintWriter(err));

        assertThat(cli.execute("run")).isEqualTo(2);
        assertThat(err.toString()).contains("--snapshot").contains("--bootstrap-servers");
    }

    // Without the early check the command would start the job and wait for Ctrl-C.
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void runRefusesASnapshotThatScoresNoTransactionsBeforeStartingTheJob(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("mnist.zip");
        imageTagSnapshot().save(file);
        StringWriter err = new StringWriter();
        CommandLine cli = PolygraphCli.commandLine().setErr(new PrintWriter(err));

        int exit =
                cli.execute(
                        "run", "--bootstrap-servers", "127.0.0.1:1", "--snapshot", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains(
                        "holds a cmad-image-tag detector, which scores (image, tag) pairs, not"
                                + " transactions; train one with `polygraph train`");
    }

    /** A snapshot of the MNIST (image, tag) detector; its network is never parsed here. */
    private static DetectorSnapshot imageTagSnapshot() {
        SnapshotManifest manifest =
                new SnapshotManifest(
                        SnapshotManifest.FORMAT_VERSION,
                        ImageTagDetectorType.ID,
                        "mnist",
                        "test",
                        "2026-01-01T00:00:00Z",
                        0.3,
                        0.01,
                        null,
                        null,
                        new ImageTagParameters(28, 100, 0.3).toJson(),
                        null,
                        null);
        return new DetectorSnapshot(
                manifest, Map.of(ImageTagDetectorType.IMAGE_TAG, new byte[] {1, 2, 3}));
    }

    /**
     * Runs {@code train} on a tiny generated world for one epoch, checks that it exits 0 and reads
     * the snapshot it wrote.
     */
    private static DetectorSnapshot trainTiny(
            Path out, int customers, int days, String... detectorOptions) throws Exception {
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(List.of(detectorOptions));
        args.addAll(
                List.of(
                        "--customers",
                        String.valueOf(customers),
                        "--days",
                        String.valueOf(days),
                        "--epochs",
                        "1",
                        "--out",
                        out.toString()));

        int exit = new CommandLine(new PolygraphCli()).execute(args.toArray(String[]::new));

        assertThat(exit).isZero();
        return DetectorSnapshot.read(out);
    }
}
