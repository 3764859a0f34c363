package io.polygraph.detector;

import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.train.TestDetectors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotRoundTripTest {

    private static List<MultimodalRecord> records;
    private static DetectorSnapshot snapshot;

    @BeforeAll
    static void buildSnapshot() {
        records = TestDetectors.records(TestDetectors.world(11, 12, 10));
        snapshot = TestDetectors.untrainedSnapshot(records, 0.0);
    }

    @Test
    void saveLoadScoreGivesIdenticalScores(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("cmad.zip");
        snapshot.save(file);

        List<RecordScore> before;
        try (CrossModalDetector original = CrossModalDetector.fromSnapshot(snapshot)) {
            before = original.score(records);
        }
        List<RecordScore> after;
        try (CrossModalDetector loaded = CrossModalDetector.load(file)) {
            after = loaded.score(records);
            assertThat(loaded.modelInfo()).isEqualTo(snapshot.modelInfo());
        }

        assertThat(after).isEqualTo(before);
        assertThat(before).anySatisfy(score -> assertThat(score.contributions()).hasSize(2));
    }

    @Test
    void readingGivesBackTheSameSnapshot(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("cmad.zip");
        snapshot.save(file);

        DetectorSnapshot read = DetectorSnapshot.read(file);

        assertThat(read).isEqualTo(snapshot);
        assertThat(read.manifest().formatVersion()).isEqualTo(2);
        assertThat(read.type().id()).isEqualTo("cmad");
        assertThat(read.networkNames()).containsExactly("profile-transaction", "signature");
        assertThat(read.manifest().name()).isEqualTo("cmad");
        assertThat(read.manifest().featureEncoding().recentLimit()).isEqualTo(20);
        assertThat(read.parameters(CmadParameters.class).embeddingSize()).isEqualTo(32);
    }

    @Test
    void theSnapshotsTypeBuildsTheScorerWithoutTheCallerNamingIt(@TempDir Path directory)
            throws Exception {
        Path file = directory.resolve("cmad.zip");
        snapshot.save(file);

        List<RecordScore> expected;
        try (CrossModalDetector original = CrossModalDetector.fromSnapshot(snapshot)) {
            expected = original.score(records);
        }
        try (BatchScorer scorer = DetectorSnapshot.read(file).newScorer()) {
            assertThat(scorer).isInstanceOf(CrossModalDetector.class);
            assertThat(scorer.score(records)).isEqualTo(expected);
        }
    }

    @Test
    void equalSnapshotsGiveEqualFiles(@TempDir Path directory) throws Exception {
        snapshot.save(directory.resolve("a.zip"));
        snapshot.save(directory.resolve("b.zip"));

        assertThat(Files.readAllBytes(directory.resolve("a.zip")))
                .isEqualTo(Files.readAllBytes(directory.resolve("b.zip")));
    }

    @Test
    void factoryTravelsAsAPathAndLoadsTheSnapshot(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("cmad.zip");
        snapshot.save(file);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new SnapshotScorerFactory(file));
        }

        ScorerFactory copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ScorerFactory) in.readObject();
        }

        try (BatchScorer scorer = copy.create()) {
            assertThat(scorer.modelInfo().version()).isEqualTo(snapshot.modelInfo().version());
            assertThat(scorer.score(records.subList(0, 3))).hasSize(3);
        }
    }
}
