package io.polygraph.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.deploy.cli.PolygraphCli;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which detectors benchmark 1 measures on a graph backend, from really trained snapshots. */
class BatchingGainTest {

    @TempDir static Path dir;

    private static final Map<String, Path> SNAPSHOTS = new LinkedHashMap<>();

    @BeforeAll
    static void trainACmadAndAnMmocSnapshot() {
        for (String detector : new String[] {"cmad", "mmoc"}) {
            Path out = dir.resolve(detector + ".zip");
            int exit =
                    PolygraphCli.commandLine()
                            .execute(
                                    "train",
                                    "--detector",
                                    detector,
                                    "--customers",
                                    "16",
                                    "--days",
                                    "5",
                                    "--epochs",
                                    "1",
                                    "--out",
                                    out.toString());
            assertThat(exit).as("training %s", detector).isZero();
            SNAPSHOTS.put(detector, out);
        }
    }

    @Test
    void onThePortableBackendADetectorThatScoresOnlyOnNd4jIsRefusedWithItsReason()
            throws Exception {
        assertThat(BatchingGain.refusedBy("portable", SNAPSHOTS))
                .containsOnlyKeys("mmoc")
                .hasEntrySatisfying(
                        "mmoc", reason -> assertThat(reason).contains("ND4J only", "portable"));
    }

    @Test
    void onNd4jEveryDetectorIsMeasured() throws Exception {
        assertThat(BatchingGain.refusedBy("nd4j", SNAPSHOTS)).isEmpty();
    }
}
