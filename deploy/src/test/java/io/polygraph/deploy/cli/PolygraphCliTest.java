package io.polygraph.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.world.World;
import io.polygraph.world.WorldFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
    void runRequiresASnapshotAndKafka() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new PolygraphCli()).setErr(new PrintWriter(err));

        assertThat(cli.execute("run")).isEqualTo(2);
        assertThat(err.toString()).contains("--snapshot").contains("--bootstrap-servers");
    }
}
