package io.polygraph.job.config;

import io.polygraph.topic.AvroCodec;
import io.polygraph.topic.Topic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer schemas of {@link PolygraphOptions#WRITER_SCHEMAS}: other versions of the input
 * records, read from {@code .avsc} files once at start, checked, and registered with the codec of
 * the topic whose record they name.
 *
 * <p>This is the registry-free way of evolving producers: the job learns every writer schema it
 * accepts before it reads a record, so an unknown fingerprint stays a dead letter and never a
 * guess. A file that cannot be read, parsed, matched to an input record by full name, or resolved
 * to the job's reader schema fails the start with the file and the reason, instead of
 * dead-lettering every record of that producer later.
 */
final class WriterSchemaFiles {
    private static final Logger LOG = LoggerFactory.getLogger(WriterSchemaFiles.class);
    private static final String KEY = PolygraphOptions.WRITER_SCHEMAS.key();

    private final List<Schema> schemas;

    private WriterSchemaFiles(List<Schema> schemas) {
        this.schemas = List.copyOf(schemas);
    }

    /** No other writer schemas: each topic reads its own schema only. */
    static WriterSchemaFiles none() {
        return new WriterSchemaFiles(List.of());
    }

    /**
     * Reads the files and folders of {@code entries} and checks each schema against the reader
     * schema of the same full name in {@code readers}.
     *
     * @throws IllegalArgumentException naming the option, the file and why it is refused
     */
    static WriterSchemaFiles read(List<String> entries, List<Schema> readers) {
        Map<String, Schema> readerByName = new TreeMap<>();
        readers.forEach(reader -> readerByName.put(reader.getFullName(), reader));
        List<Schema> schemas = new ArrayList<>();
        for (Path file : avscFiles(entries)) {
            Schema writer = SchemaFileParser.parse(file, readers);
            Schema reader = readerByName.get(writer.getFullName());
            if (reader == null) {
                throw invalid(
                        file,
                        "names "
                                + writer.getFullName()
                                + ", the record of no input topic (expected one of "
                                + String.join(", ", readerByName.keySet())
                                + ")");
            }
            requireResolvable(file, reader, writer);
            LOG.info(
                    "Input {} is also read with the writer schema of {} (fingerprint {})",
                    writer.getFullName(),
                    file,
                    Long.toHexString(SchemaNormalization.parsingFingerprint64(writer)));
            schemas.add(writer);
        }
        return new WriterSchemaFiles(schemas);
    }

    /** {@code topic} with a codec that also reads every writer schema of its record. */
    <T extends SpecificRecord> Topic<T> registeredWith(Topic<T> topic) {
        if (!(topic.codec() instanceof AvroCodec<T> singleObject)) {
            // Another wire format knows its writer schemas otherwise (a registry).
            return topic;
        }
        AvroCodec<T> codec = singleObject;
        String recordName = codec.schema().getFullName();
        for (Schema writer : schemas) {
            if (writer.getFullName().equals(recordName)) {
                codec = codec.withWriterSchema(writer);
            }
        }
        return new Topic<>(topic.name(), codec);
    }

    private static List<Path> avscFiles(List<String> entries) {
        List<Path> files = new ArrayList<>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry.trim());
            if (Files.isDirectory(path)) {
                List<Path> inFolder = avscFilesIn(path);
                if (inFolder.isEmpty()) {
                    throw invalid(path, "folder holds no .avsc file");
                }
                files.addAll(inFolder);
            } else {
                files.add(path);
            }
        }
        return files;
    }

    private static List<Path> avscFilesIn(Path folder) {
        // Sorted, so that the start log and the order of registration do not depend on the disk.
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".avsc"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw invalid(folder, "cannot list the folder: " + e);
        }
    }

    private static void requireResolvable(Path file, Schema reader, Schema writer) {
        SchemaPairCompatibility pair =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (pair.getType() != SchemaCompatibilityType.COMPATIBLE) {
            String why =
                    pair.getResult().getIncompatibilities().stream()
                            .map(
                                    i ->
                                            i.getType()
                                                    + " at "
                                                    + i.getLocation()
                                                    + " ("
                                                    + i.getMessage()
                                                    + ")")
                            .collect(Collectors.joining("; "));
            throw invalid(
                    file, "cannot be resolved to the job's " + reader.getFullName() + ": " + why);
        }
    }

    static IllegalArgumentException invalid(Path file, String why) {
        return new IllegalArgumentException("Invalid setting " + KEY + ": " + file + ": " + why);
    }
}
