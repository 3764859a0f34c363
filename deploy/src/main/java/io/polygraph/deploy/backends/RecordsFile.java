package io.polygraph.deploy.backends;

import io.polygraph.detector.MultimodalRecord;
import io.polygraph.schema.JoinedTransaction;
import io.polygraph.world.AvroContainerFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

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
        AvroContainerFiles.write(
                file,
                JoinedTransaction.class,
                records.stream().map(record -> record.toJoined(Instant.EPOCH)).toList());
    }

    /**
     * @throws IOException naming the file when it cannot be read or holds no records
     */
    static List<MultimodalRecord> read(Path file) throws IOException {
        List<MultimodalRecord> records;
        try {
            records =
                    AvroContainerFiles.read(
                                    file,
                                    JoinedTransaction.class,
                                    "records file",
                                    "polygraph bench-backends --write-records")
                            .stream()
                            .map(MultimodalRecord::of)
                            .toList();
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
