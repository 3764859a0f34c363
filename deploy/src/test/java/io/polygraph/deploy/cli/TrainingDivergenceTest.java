package io.polygraph.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.gan.DivergenceCheck;
import io.polygraph.gan.Player;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * How the CLI ends a diverged training run. No option of {@code train} can make MMOC-GAN or
 * IGMM-BiGAN diverge on purpose (learning rates are not options, and the world generator makes
 * trainable data), so these tests provoke the divergence with the real {@link DivergenceCheck} one
 * level below: inside {@link TrainCommand#trainUnlessDiverged}, which {@code train} runs its
 * training through, and inside a command run by {@link PolygraphCli#commandLine()}.
 */
class TrainingDivergenceTest {

    @Test
    void trainPrintsOneLineWritesNoSnapshotAndExitsWithItsOwnCode(@TempDir Path dir)
            throws Exception {
        Path snapshot = dir.resolve("mmoc.zip");
        StringWriter err = new StringWriter();

        int exit =
                TrainCommand.trainUnlessDiverged(
                        () -> {
                            // What MMOC-GAN's first epoch reports when its discriminator blows up.
                            DivergenceCheck.epochLosses(
                                    "mmoc",
                                    List.of(new Player("mmoc_d_", "mmoc_loss_d", 1e-3, 0.5)),
                                    new double[][] {{Double.NaN}},
                                    1);
                            Files.writeString(snapshot, "never reached");
                        },
                        new PrintWriter(err));

        assertThat(exit).isEqualTo(PolygraphCli.EXIT_TRAINING_DIVERGED).isNotIn(0, 1, 2);
        assertThat(err.toString())
                .isEqualTo(
                        "training diverged: mmoc mmoc_loss_d epoch 1 loss NaN; no snapshot written"
                                + System.lineSeparator());
        assertThat(snapshot).doesNotExist();
    }

    @Test
    void trainReturnsZeroWhenTrainingSucceeds(@TempDir Path dir) throws Exception {
        Path snapshot = dir.resolve("ok.zip");
        StringWriter err = new StringWriter();

        int exit =
                TrainCommand.trainUnlessDiverged(
                        () -> Files.writeString(snapshot, "snapshot"), new PrintWriter(err));

        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(snapshot).exists();
    }

    @Test
    void anyCommandWhoseTrainingDivergesExitsWithTheDivergenceCode() {
        StringWriter err = new StringWriter();
        CommandLine cli =
                PolygraphCli.commandLine()
                        .addSubcommand("diverging", new DivergingCommand())
                        .setErr(new PrintWriter(err));

        int exit = cli.execute("diverging");

        assertThat(exit).isEqualTo(PolygraphCli.EXIT_TRAINING_DIVERGED);
        assertThat(err.toString())
                .contains("training diverged: igmm-bigan raw scores all equal 0.0 on 3 training");
    }

    /** A command whose trained model scores every training row alike. */
    @Command(name = "diverging")
    static final class DivergingCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            DivergenceCheck.trainingScores("igmm-bigan", new double[3]);
            return 0;
        }
    }
}
