package io.polygraph.deploy.backends;

import io.polygraph.detector.MultimodalRecord;
import io.polygraph.schema.JoinedTransaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Records to score as an Avro data file of {@link JoinedTransaction}s, the job's own joined form
 * (as snapshots' reference records are stored), so a benchmark folder carries its records without
 * the world generator's inputs.
 */
final class RecordsFile {

    private RecordsFile() {}

    static void write(Path file, List<MultimodalRecord> records) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (DataFileWriter<JoinedTransaction> writer =
                new DataFileWriter<>(new SpecificDatumWriter<>(JoinedTransaction.class))) {
            writer.setCodec(org.apache.avro.file.CodecFactory.deflateCodec(6));
            writer.create(JoinedTransaction.getClassSchema(), file.toFile());
            for (MultimodalRecord record : records) {
                writer.append(record.toJoined(Instant.EPOCH));
            }
        }
    }

    /**
     * @throws IOException naming the file when it cannot be read or holds no records
     */
    static List<MultimodalRecord> read(Path file) throws IOException {
        List<MultimodalRecord> records = new ArrayList<>();
        try (DataFileReader<JoinedTransaction> reader =
                new DataFileReader<>(
                        file.toFile(), new SpecificDatumReader<>(JoinedTransaction.class))) {
            for (JoinedTransaction joined : reader) {
                records.add(MultimodalRecord.of(joined));
            }
        } catch (RuntimeException e) {
            throw new IOException(
                    file + " is not a file of joined transactions: " + e.getMessage(), e);
        }
        if (records.isEmpty()) {
            throw new IOException(file + " holds no records");
        }
        return records;
    }
}
