package io.polygraph.job.config;

import static io.polygraph.job.SampleRecords.transactionSchemaWithOptional;
import static io.polygraph.job.SampleRecords.transactionSchemaWithout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.schema.Channel;
import io.polygraph.schema.Location;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.AvroCodec;
import io.polygraph.topic.Topic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PolygraphOptions#WRITER_SCHEMAS}: what {@link JobSettings} accepts and refuses. */
class WriterSchemasSettingsTest {

    private static final String KEY = PolygraphOptions.WRITER_SCHEMAS.key();

    @TempDir Path dir;

    @Test
    void registersEachSchemaWithTheTopicOfItsRecord() throws IOException {
        Schema added = transactionSchemaWithOptional("terminalId");
        Schema removed = transactionSchemaWithout("deviceId");

        JobSettings settings =
                settings(write("added.avsc", added.toString(true)), write("removed.avsc", removed));

        assertThat(writerSchemasOf(settings.transactionsTopic()))
                .containsExactly(Transaction.getClassSchema(), added, removed);
        assertThat(writerSchemasOf(settings.profilesTopic())).hasSize(1);
        assertThat(writerSchemasOf(settings.signaturesTopic())).hasSize(1);
        assertThat(writerSchemasOf(JobSettings.defaults().transactionsTopic())).hasSize(1);
    }

    @Test
    void readsEveryAvscFileOfAFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("schemas"));
        Files.writeString(
                folder.resolve("a.avsc"), transactionSchemaWithout("deviceId").toString());
        Files.writeString(folder.resolve("b.avsc"), transactionSchemaWithOptional("x").toString());
        Files.writeString(folder.resolve("notes.txt"), "not a schema");

        assertThat(writerSchemasOf(settings(folder).transactionsTopic())).hasSize(3);
    }

    @Test
    void aFileMayReferToTheSharedTypesByNameAsTheProjectsOwnFilesDo() throws IOException {
        // As schemas/src/main/avro/Transaction.avsc: Channel and Location named, not defined.
        String byName =
                transactionSchemaWithOptional("terminalId")
                        .toString(
                                List.of(Channel.getClassSchema(), Location.getClassSchema()), true);
        assertThat(byName).doesNotContain("\"CARD_PRESENT\"");

        JobSettings settings = settings(write("by-name.avsc", byName));

        assertThat(writerSchemasOf(settings.transactionsTopic())).hasSize(2);
    }

    @Test
    void anUnreadableFileFailsTheStart() {
        Path missing = dir.resolve("missing.avsc");

        assertRefused(missing, "cannot be read");
    }

    @Test
    void anEmptyFolderFailsTheStart() throws IOException {
        assertRefused(Files.createDirectory(dir.resolve("empty")), "holds no .avsc file");
    }

    @Test
    void anUnparseableSchemaFailsTheStart() throws IOException {
        assertRefused(write("broken.avsc", "{\"type\": \"record\", \"name\": "), "not a valid");
        assertRefused(
                write(
                        "undefined.avsc",
                        "{\"type\":\"record\",\"name\":\"Transaction\","
                                + "\"namespace\":\"io.polygraph.schema\","
                                + "\"fields\":[{\"name\":\"x\",\"type\":\"io.polygraph.schema.Nowhere\"}]}"),
                "not a valid");
    }

    @Test
    void aSchemaOfNoInputRecordFailsTheStart() throws IOException {
        Schema other =
                SchemaBuilder.record("Payment")
                        .namespace("com.example")
                        .fields()
                        .requiredString("id")
                        .endRecord();

        assertRefused(
                write("payment.avsc", other),
                "names com.example.Payment, the record of no input topic");
    }

    @Test
    void aSchemaThatCannotBeResolvedToTheReaderFailsTheStart() throws IOException {
        // amountMinor has no default: the job could not fill it in for this writer's records.
        Path file = write("no-amount.avsc", transactionSchemaWithout("amountMinor"));

        assertRefused(file, "cannot be resolved to the job's io.polygraph.schema.Transaction");
        assertRefused(file, "READER_FIELD_MISSING_DEFAULT_VALUE");
        assertRefused(file, "amountMinor");
    }

    private void assertRefused(Path file, String why) {
        assertThatThrownBy(() -> settings(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid setting " + KEY + ": " + file + ": ")
                .hasMessageContaining(why);
    }

    private static JobSettings settings(Path... files) {
        Configuration config = new Configuration();
        config.set(
                PolygraphOptions.WRITER_SCHEMAS,
                java.util.Arrays.stream(files).map(Path::toString).toList());
        return JobSettings.from(config);
    }

    private Path write(String name, Schema schema) throws IOException {
        return write(name, schema.toString(true));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** The writer schemas of a topic's codec, single-object (the default wire format). */
    private static List<Schema> writerSchemasOf(Topic<?> topic) {
        return ((AvroCodec<?>) topic.codec()).writerSchemas();
    }
}
