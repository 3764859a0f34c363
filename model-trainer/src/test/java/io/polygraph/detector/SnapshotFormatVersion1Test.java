package io.polygraph.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.polygraph.train.TestDetectors;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots of format 1, written before detector types existed (CMAD fields in the manifest's
 * header, two fixed network entries), still load: as {@code cmad} snapshots that score as before.
 * The format 1 file is written here field by field, as the old trainer wrote it.
 */
class SnapshotFormatVersion1Test {

    private static List<MultimodalRecord> records;
    private static DetectorSnapshot snapshot;

    @BeforeAll
    static void buildSnapshot() {
        records = TestDetectors.records(TestDetectors.world(15, 10, 8));
        snapshot = TestDetectors.untrainedSnapshot(records, -0.2);
    }

    @Test
    void aFormat1SnapshotLoadsAsACmadSnapshotAndScoresTheSame(@TempDir Path directory)
            throws Exception {
        Path file = directory.resolve("v1.zip");
        writeVersion1(file, version1Manifest());

        DetectorSnapshot read = DetectorSnapshot.read(file);

        assertThat(read.type().id()).isEqualTo("cmad");
        assertThat(read.manifest().formatVersion()).isEqualTo(2);
        assertThat(read).isEqualTo(snapshot);
        List<RecordScore> expected;
        try (BatchScorer original = snapshot.newScorer()) {
            expected = original.score(records);
        }
        try (BatchScorer loaded = new SnapshotScorerFactory(file).create()) {
            assertThat(loaded.score(records)).isEqualTo(expected);
        }
    }

    @Test
    void savingAFormat1SnapshotWritesFormat2(@TempDir Path directory) throws Exception {
        Path old = directory.resolve("v1.zip");
        writeVersion1(old, version1Manifest());
        Path rewritten = directory.resolve("v2.zip");

        DetectorSnapshot.read(old).save(rewritten);

        ObjectNode manifest = manifestOf(rewritten);
        assertThat(manifest.get("formatVersion").asInt()).isEqualTo(2);
        assertThat(manifest.get("detectorType").asText()).isEqualTo("cmad");
        assertThat(manifest.has("embeddingSize")).isFalse();
        assertThat(manifest.get("parameters").get("embeddingSize").asInt()).isEqualTo(32);
    }

    @Test
    void aFormat1ManifestWithoutItsCalibrationIsRejected(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("v1.zip");
        ObjectNode manifest = version1Manifest();
        manifest.remove("signatureCalibration");
        writeVersion1(file, manifest);

        assertThatThrownBy(() -> DetectorSnapshot.read(file))
                .isInstanceOf(SnapshotIntegrityException.class)
                .hasMessageContaining("format 1 manifest lacks signatureCalibration");
    }

    @Test
    void anUnknownFormatIsRejected(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("v9.zip");
        ObjectNode manifest = (ObjectNode) SnapshotJson.mapper().valueToTree(snapshot.manifest());
        manifest.put("formatVersion", 9);
        writeVersion1(file, manifest);

        assertThatThrownBy(() -> DetectorSnapshot.read(file))
                .isInstanceOf(SnapshotIntegrityException.class)
                .hasMessageContaining("snapshot format 9 is not supported");
    }

    /** The manifest of {@code snapshot} as format 1 had it. */
    private static ObjectNode version1Manifest() {
        ObjectMapper mapper = SnapshotJson.mapper();
        SnapshotManifest current = snapshot.manifest();
        CmadParameters cmad = snapshot.parameters(CmadParameters.class);
        ObjectNode manifest = mapper.createObjectNode();
        manifest.put("formatVersion", 1);
        manifest.put("name", current.name());
        manifest.put("version", current.version());
        manifest.put("createdAt", current.createdAt());
        manifest.put("featureSpecVersion", current.featureSpecVersion());
        manifest.put("embeddingSize", cmad.embeddingSize());
        manifest.put("threshold", current.threshold());
        manifest.put("targetAlertRate", current.targetAlertRate());
        manifest.set(
                "profileTransactionCalibration",
                mapper.valueToTree(cmad.profileTransactionCalibration()));
        manifest.set("signatureCalibration", mapper.valueToTree(cmad.signatureCalibration()));
        manifest.set("featureEncoding", mapper.valueToTree(current.featureEncoding()));
        manifest.set("trainingConfig", current.trainingConfig());
        manifest.set("heldOutMetrics", current.heldOutMetrics());
        return manifest;
    }

    /** A snapshot file of format 1's layout: the manifest and the two CMAD networks. */
    private static void writeVersion1(Path file, ObjectNode manifest) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("manifest.json", SnapshotJson.mapper().writeValueAsBytes(manifest));
        entries.put(
                "networks/profile-transaction.fb",
                snapshot.network(CmadDetectorType.PROFILE_TRANSACTION));
        entries.put("networks/signature.fb", snapshot.network(CmadDetectorType.SIGNATURE));
        SnapshotArchive.write(file, entries);
    }

    private static ObjectNode manifestOf(Path file) throws Exception {
        return (ObjectNode)
                SnapshotJson.mapper()
                        .readTree(SnapshotArchive.read(file).get(DetectorSnapshot.MANIFEST_ENTRY));
    }
}
