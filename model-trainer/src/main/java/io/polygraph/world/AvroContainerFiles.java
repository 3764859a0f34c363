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
 * header, deflate-compressed blocks), the format the trainer reads.
 */
final class AvroContainerFiles {

    private static final int DEFLATE_LEVEL = 6;

    private AvroContainerFiles() {}

    static <T extends SpecificRecordBase> void write(Path file, Class<T> type, List<T> records) {
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
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "world file "
                            + file.toAbsolutePath()
                            + " is missing (written by WorldFiles.write)");
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
