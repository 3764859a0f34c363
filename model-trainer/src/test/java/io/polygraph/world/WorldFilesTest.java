package io.polygraph.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldFilesTest {

    @TempDir Path dir;

    @Test
    void aWrittenWorldReadsBackEqual() {
        World world = TestWorlds.small();

        WorldFiles.write(world, dir.resolve("world"));
        World read = WorldFiles.read(dir.resolve("world"));

        assertThat(read).isEqualTo(world);
        assertThat(read.eventsInTimeOrder()).hasSameSizeAs(world.eventsInTimeOrder());
    }

    @Test
    void writesDeflatedContainerFilesAndAReadableConfig() throws IOException {
        WorldFiles.write(TestWorlds.small(), dir);

        for (String name :
                List.of(
                        WorldFiles.PROFILES,
                        WorldFiles.ENROLMENT_SIGNATURES,
                        WorldFiles.TRANSACTIONS,
                        WorldFiles.PRESENTED_SIGNATURES,
                        WorldFiles.LABELS)) {
            try (DataFileReader<GenericRecord> reader =
                    new DataFileReader<>(dir.resolve(name).toFile(), new GenericDatumReader<>())) {
                assertThat(reader.getMetaString("avro.codec")).as(name).isEqualTo("deflate");
                assertThat(reader.hasNext()).as(name).isTrue();
            }
        }
        assertThat(Files.readString(dir.resolve(WorldFiles.CONFIG)))
                .contains("\"seed\" : 42", "\"span\" : \"PT336H\"", "\"type\" : \"procedural\"");
    }

    @Test
    void keepsARealWritersSourceInTheConfig() {
        WorldConfig config =
                WorldConfig.defaults()
                        .withSeed(9)
                        .withSignatureSource(
                                new SignatureSource.RealWriters(Path.of("/data/signatures")));
        World empty = new World(config, List.of(), List.of(), List.of(), List.of(), List.of());

        WorldFiles.write(empty, dir);

        assertThat(WorldFiles.read(dir)).isEqualTo(empty);
    }

    @Test
    void namesTheMissingFolder() {
        Path missing = dir.resolve("no-such-world");

        assertThatThrownBy(() -> WorldFiles.read(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void namesTheMissingFile() throws IOException {
        WorldFiles.write(TestWorlds.small(), dir);
        Files.delete(dir.resolve(WorldFiles.LABELS));

        assertThatThrownBy(() -> WorldFiles.read(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(WorldFiles.LABELS);
    }
}
