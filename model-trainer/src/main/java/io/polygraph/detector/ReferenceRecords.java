package io.polygraph.detector;

import com.fasterxml.jackson.core.type.TypeReference;
import io.polygraph.schema.JoinedTransaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * A few records a snapshot carries together with the scores its own scorer gave them when the
 * snapshot was written: a self-test that a loaded model really scores as it did where it was
 * trained.
 *
 * <p>The checksum proves that the bytes are intact; only scoring proves that they still mean the
 * same model where they are loaded (another ND4J backend or native library, a feature encoding that
 * changed between releases, a network that deserializes but computes something else). A job that
 * swaps models while it runs scores these records with the new model first and refuses the swap if
 * any score moved by more than the {@linkplain #tolerance(double) tolerance}.
 *
 * <p>Stored as two snapshot entries: the records as an Avro data file of {@link JoinedTransaction}
 * (the job's own joined form, so no new schema) and the expected scores as a JSON array.
 */
public final class ReferenceRecords {

    /** The entry holding the records. */
    static final String RECORDS_ENTRY = "reference/records.avro";

    /** The entry holding the expected scores, in record order. */
    static final String SCORES_ENTRY = "reference/scores.json";

    /** How many records the trainer puts in a snapshot. */
    public static final int DEFAULT_COUNT = 32;

    /** Absolute slack: float32 networks give last-bit differences across CPUs and BLAS builds. */
    private static final double ABSOLUTE_TOLERANCE = 1e-4;

    /** Relative slack, for detectors whose scores are far from 1 in magnitude. */
    private static final double RELATIVE_TOLERANCE = 1e-4;

    private final List<MultimodalRecord> records;
    private final double[] expectedScores;

    private ReferenceRecords(List<MultimodalRecord> records, double[] expectedScores) {
        if (records.isEmpty() || records.size() != expectedScores.length) {
            throw new IllegalArgumentException(
                    "reference records need one expected score each and at least one record, got "
                            + records.size()
                            + " records and "
                            + expectedScores.length
                            + " scores");
        }
        this.records = List.copyOf(records);
        this.expectedScores = expectedScores.clone();
    }

    /** {@code records} with the scores {@code scorer} gives them now. */
    public static ReferenceRecords scoredBy(BatchScorer scorer, List<MultimodalRecord> records) {
        List<RecordScore> scores = scorer.score(records);
        double[] expected = new double[records.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = scores.get(i).score();
        }
        return new ReferenceRecords(records, expected);
    }

    /**
     * At most {@code count} records of {@code from}, evenly spaced, so that a sample of a world in
     * time order spans its whole period rather than its first hour.
     */
    public static List<MultimodalRecord> evenlySpaced(List<MultimodalRecord> from, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        if (from.size() <= count) {
            return List.copyOf(from);
        }
        List<MultimodalRecord> sample = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sample.add(from.get((int) ((long) i * from.size() / count)));
        }
        return sample;
    }

    /** How many records there are. */
    public int size() {
        return records.size();
    }

    /** The largest score difference accepted for a record whose expected score is {@code score}. */
    public static double tolerance(double score) {
        return ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(score);
    }

    /** Scores the records with {@code scorer} and compares with the expected scores. */
    public ReferenceCheck check(BatchScorer scorer) {
        List<RecordScore> scores = scorer.score(records);
        if (scores.size() != records.size()) {
            return new ReferenceCheck(records.size(), Double.NaN, -1, false);
        }
        double worst = 0;
        int worstIndex = -1;
        boolean passed = true;
        for (int i = 0; i < expectedScores.length; i++) {
            double actual = scores.get(i).score();
            double difference = Math.abs(actual - expectedScores[i]);
            // Written so that a NaN score fails (NaN compares false) instead of passing silently.
            if (!(difference <= tolerance(expectedScores[i]))) {
                passed = false;
            }
            if (worstIndex < 0 || !(difference <= worst)) {
                worst = difference;
                worstIndex = i;
            }
        }
        return new ReferenceCheck(records.size(), worst, worstIndex, passed);
    }

    /** The records entry: an Avro data file of joined transactions. */
    byte[] recordsBytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<JoinedTransaction> writer =
                new DataFileWriter<>(new SpecificDatumWriter<>(JoinedTransaction.class))) {
            writer.create(JoinedTransaction.getClassSchema(), out);
            for (MultimodalRecord record : records) {
                writer.append(record.toJoined(Instant.EPOCH));
            }
        }
        return out.toByteArray();
    }

    /** The scores entry: a JSON array of doubles. */
    byte[] scoresBytes() throws IOException {
        return SnapshotJson.mapper().writeValueAsBytes(expectedScores);
    }

    /** Reads the two entries back; {@code source} names the snapshot in errors. */
    static ReferenceRecords read(String source, byte[] recordsBytes, byte[] scoresBytes)
            throws SnapshotIntegrityException {
        List<MultimodalRecord> records = new ArrayList<>();
        double[] scores;
        try (DataFileStream<JoinedTransaction> reader =
                new DataFileStream<>(
                        new SeekableByteArrayInput(recordsBytes),
                        new SpecificDatumReader<>(JoinedTransaction.class))) {
            for (JoinedTransaction joined : reader) {
                records.add(MultimodalRecord.of(joined));
            }
            scores = SnapshotJson.mapper().readValue(scoresBytes, new TypeReference<double[]>() {});
        } catch (IOException | RuntimeException e) {
            throw new SnapshotIntegrityException(
                    source + " has unreadable reference records: " + e.getMessage(), e);
        }
        try {
            return new ReferenceRecords(records, scores);
        } catch (IllegalArgumentException e) {
            throw new SnapshotIntegrityException(source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReferenceRecords that
                && records.equals(that.records)
                && java.util.Arrays.equals(expectedScores, that.expectedScores);
    }

    @Override
    public int hashCode() {
        return Objects.hash(records.size(), java.util.Arrays.hashCode(expectedScores));
    }

    /**
     * The outcome of scoring the reference records with a loaded model.
     *
     * @param records how many records were scored
     * @param maxDifference the largest absolute score difference (NaN when the scorer returned a
     *     wrong number of scores or a NaN)
     * @param worstRecord index of the record with that difference, -1 when none
     * @param passed whether every score was within tolerance
     */
    public record ReferenceCheck(
            int records, double maxDifference, int worstRecord, boolean passed) {}
}
