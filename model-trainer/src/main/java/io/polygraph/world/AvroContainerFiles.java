package io.polygraph.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Writes and reads lists of generated Avro records as Avro object container files (schema in the
 * header, deflate-compressed blocks), the format the trainer reads and the backend benchmark's
 * records file.
 */
public final class AvroContainerFiles {

    private static final int DEFLATE_LEVEL = 6;

    private AvroContainerFiles() {}

    /**
     * Writes {@code records} to {@code file}, replacing it.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static <T extends SpecificRecordBase> void write(
            Path file, Class<T> type, List<T> records) {
        SpecificDatumWriter<T> datumWriter = new SpecificDatumWriter<>(type);
        try (DataFileWriter<T> writer = new DataFileWriter<>(datumWriter)) {
            writer.setCodec(CodecFactory.deflateCodec(DEFLATE_LEVEL));
            writer.create(schemaOf(type), file.toFile());
            for (T record : records) {
                writer.append(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    static <T extends SpecificRecordBase> List<T> read(Path file, Class<T> type) {
        return read(file, type, "world file", "WorldFiles.write");
    }

    /**
     * The records of {@code file}.
     *
     * @param kind what the file is, for the message when it is missing
     * @param writer what writes it, for the same message
     * @throws IllegalArgumentException when the file is missing
     * @throws UncheckedIOException naming the file when it cannot be read
     */
    public static <T extends SpecificRecordBase> List<T> read(
            Path file, Class<T> type, String kind, String writer) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    kind + " " + file.toAbsolutePath() + " is missing (written by " + writer + ")");
        }
        List<T> records = new ArrayList<>();
        try (DataFileReader<T> reader =
                new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(type))) {
            while (reader.hasNext()) {
                records.add(reader.next());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return records;
    }

    private static org.apache.avro.Schema schemaOf(Class<? extends SpecificRecordBase> type) {
        return org.apache.avro.specific.SpecificData.get().getSchema(type);
    }
}
