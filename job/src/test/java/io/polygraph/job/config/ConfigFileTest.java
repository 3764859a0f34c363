package io.polygraph.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    @TempDir Path directory;

    @Test
    void nestedAndDottedKeysBecomeTheSameFlatKeys() throws Exception {
        Configuration config =
                ConfigFile.load(
                        write(
                                "polygraph:",
                                "  topic:",
                                "    alerts: bank.alerts",
                                "  scoring.batch-size: 512",
                                "polygraph.sink.delivery-guarantee: exactly-once",
                                "taskmanager.numberOfTaskSlots: 2"));

        assertThat(config.toMap())
                .containsEntry("polygraph.topic.alerts", "bank.alerts")
                .containsEntry("polygraph.scoring.batch-size", "512")
                .containsEntry("polygraph.sink.delivery-guarantee", "exactly-once")
                .containsEntry("taskmanager.numberOfTaskSlots", "2")
                .hasSize(4);
    }

    @Test
    void anEmptyFileIsNoSettings() throws Exception {
        assertThat(ConfigFile.load(write("# nothing yet")).toMap()).isEmpty();
    }

    @Test
    void syntaxErrorsNameTheFileAndLine() throws Exception {
        Path file = write("polygraph:", "  scoring.batch-size: 512", " bad: [unclosed");

        assertThatThrownBy(() -> ConfigFile.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 3");
    }

    @Test
    void listsEmptyValuesAndRepeatedKeysAreErrorsNamingTheKey() throws Exception {
        assertThatThrownBy(() -> ConfigFile.load(write("polygraph.topic.alerts: [a, b]")))
                .hasMessageContaining("polygraph.topic.alerts must have a single value");
        assertThatThrownBy(() -> ConfigFile.load(write("polygraph.topic.alerts:")))
                .hasMessageContaining("polygraph.topic.alerts must have a single value");
        assertThatThrownBy(
                        () ->
                                ConfigFile.load(
                                        write(
                                                "polygraph:",
                                                "  topic.alerts: a",
                                                "polygraph.topic.alerts: b")))
                .hasMessageContaining("sets polygraph.topic.alerts twice");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = directory.resolve("absent.yaml");

        assertThatThrownBy(() -> ConfigFile.load(missing))
                .hasMessage("configuration file not found: " + missing);
    }

    private Path write(String... lines) throws Exception {
        Path file = Files.createTempFile(directory, "settings", ".yaml");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }
}
