package io.polygraph.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.train.TestDetectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceRecordsTest {

    private static List<MultimodalRecord> records;
    private static DetectorSnapshot snapshot;

    @BeforeAll
    static void buildSnapshot() {
        records = TestDetectors.records(TestDetectors.world(21, 12, 10));
        snapshot =
                TestDetectors.untrainedSnapshot(records, 0.0)
                        .withReferenceRecords(ReferenceRecords.evenlySpaced(records, 16));
    }

    @Test
    void aSavedSnapshotKeepsItsReferenceRecordsAndTheLoadedModelPassesThem(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("cmad.zip");
        snapshot.save(file);

        DetectorSnapshot read = DetectorSnapshot.read(file);

        assertThat(read).isEqualTo(snapshot);
        ReferenceRecords reference = read.referenceRecords().orElseThrow();
        assertThat(reference.size()).isEqualTo(16);
        try (BatchScorer scorer = read.newScorer()) {
            ReferenceRecords.ReferenceCheck check = reference.check(scorer);
            assertThat(check.passed()).isTrue();
            assertThat(check.records()).isEqualTo(16);
            assertThat(check.maxDifference()).isLessThanOrEqualTo(1e-4);
        }
    }

    @Test
    void aModelThatScoresDifferentlyFailsTheCheck() {
        ReferenceRecords reference = snapshot.referenceRecords().orElseThrow();
        // Another world fits another feature encoding: the same kind of model, other scores.
        List<MultimodalRecord> otherWorld = TestDetectors.records(TestDetectors.world(22, 12, 10));
        try (BatchScorer other = TestDetectors.untrainedSnapshot(otherWorld, 0.0).newScorer()) {
            ReferenceRecords.ReferenceCheck check = reference.check(other);
            assertThat(check.passed()).isFalse();
            assertThat(check.maxDifference()).isGreaterThan(1e-3);
            assertThat(check.worstRecord()).isBetween(0, 15);
        }
    }

    @Test
    void aNanScoreFailsTheCheck() {
        ReferenceRecords reference = snapshot.referenceRecords().orElseThrow();
        try (BatchScorer real = snapshot.newScorer()) {
            BatchScorer nan = new NanScorer(real);
            assertThat(reference.check(nan).passed()).isFalse();
        }
    }

    @Test
    void readingFromBytesGivesTheSameSnapshotAsReadingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cmad.zip");
        snapshot.save(file);

        DetectorSnapshot fromBytes =
                DetectorSnapshot.read("announced snapshot", Files.readAllBytes(file));

        assertThat(fromBytes).isEqualTo(DetectorSnapshot.read(file));
    }

    @Test
    void aSnapshotWithOnlyOneOfTheTwoReferenceEntriesIsRejected(@TempDir Path dir)
            throws Exception {
        Path complete = dir.resolve("complete.zip");
        snapshot.save(complete);
        Map<String, byte[]> entries = new TreeMap<>(SnapshotArchive.read(complete));
        entries.remove(ReferenceRecords.SCORES_ENTRY);
        Path halfReference = dir.resolve("half.zip");
        SnapshotArchive.write(halfReference, entries);

        assertThatThrownBy(() -> DetectorSnapshot.read(halfReference))
                .isInstanceOf(SnapshotIntegrityException.class)
                .hasMessageContaining(ReferenceRecords.RECORDS_ENTRY);
    }

    @Test
    void evenlySpacedSamplesSpanTheWholeList() {
        List<MultimodalRecord> sample = ReferenceRecords.evenlySpaced(records, 4);

        assertThat(sample).hasSize(4);
        assertThat(sample.get(0)).isSameAs(records.get(0));
        assertThat(sample.get(3)).isSameAs(records.get(3 * records.size() / 4));
        assertThat(ReferenceRecords.evenlySpaced(records.subList(0, 3), 4)).hasSize(3);
    }

    /** Returns NaN for every record: what a broken native backend can do. */
    private record NanScorer(BatchScorer delegate) implements BatchScorer {
        @Override
        public ModelInfo modelInfo() {
            return delegate.modelInfo();
        }

        @Override
        public List<RecordScore> score(List<MultimodalRecord> batch) {
            List<RecordScore> scores = new ArrayList<>();
            for (RecordScore score : delegate.score(batch)) {
                scores.add(
                        new RecordScore(
                                Double.NaN,
                                score.anomalous(),
                                score.contributions(),
                                score.reasonCodes()));
            }
            return scores;
        }

        @Override
        public void close() {}
    }
}
