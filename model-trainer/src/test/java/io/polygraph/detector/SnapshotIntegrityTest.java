package io.polygraph.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.train.TestDetectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotIntegrityTest {

    private static DetectorSnapshot snapshot;

    @BeforeAll
    static void buildSnapshot() {
        snapshot =
                TestDetectors.untrainedSnapshot(
                        TestDetectors.records(TestDetectors.world(12, 8, 7)), 0.0);
    }

    @Test
    void aModifiedNetworkIsRejectedBeforeItIsDeserialized(@TempDir Path directory)
            throws Exception {
        Path file = directory.resolve("cmad.zip");
        snapshot.save(file);
        // Garbage in place of the network: deserializing it would fail with a FlatBuffers error,
        // so getting the integrity exception proves the check ran first.
        rewrite(
                file,
                entries -> {
                    entries.put(
                            DetectorSnapshot.entryOf(CmadDetectorType.SIGNATURE),
                            "not a graph".getBytes(StandardCharsets.UTF_8));
                    return entries;
                });

        assertThatThrownBy(() -> CrossModalDetector.load(file))
                .isInstanceOf(SnapshotIntegrityException.class)
                .hasMessageContaining("SHA-256");
    }

    @Test
    void aSingleFlippedBitInTheManifestIsRejected(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("cmad.zip");
        snapshot.save(file);
        rewrite(
                file,
                entries -> {
                    byte[] manifest = entries.get(DetectorSnapshot.MANIFEST_ENTRY).clone();
                    String text = new String(manifest, StandardCharsets.UTF_8);
                    // Lower the threshold: the kind of change an attacker would make.
                    String changed = text.replaceFirst("\"threshold\" : ", "\"threshold\" : -");
                    assertThat(changed).isNotEqualTo(text);
                    entries.put(
                            DetectorSnapshot.MANIFEST_ENTRY,
                            changed.getBytes(StandardCharsets.UTF_8));
                    return entries;
                });

        assertThatThrownBy(() -> DetectorSnapshot.read(file))
                .isInstanceOf(SnapshotIntegrityException.class)
                .hasMessageContaining("modified or corrupted");
    }

    @Test
    void aMissingChecksumOrAnExtraEntryIsRejected(@TempDir Path directory) throws Exception {
        Path withoutChecksum = directory.resolve("a.zip");
        snapshot.save(withoutChecksum);
        rewrite(
                withoutChecksum,
                entries -> {
                    entries.remove(SnapshotArchive.CHECKSUM_ENTRY);
                    return entries;
                });
        Path withExtra = directory.resolve("b.zip");
        snapshot.save(withExtra);
        rewrite(
                withExtra,
                entries -> {
                    entries.put("networks/extra.fb", new byte[] {1, 2, 3});
                    return entries;
                });

        assertThatThrownBy(() -> DetectorSnapshot.read(withoutChecksum))
                .isInstanceOf(SnapshotIntegrityException.class)
                .hasMessageContaining("no checksum.sha256");
        assertThatThrownBy(() -> DetectorSnapshot.read(withExtra))
                .isInstanceOf(SnapshotIntegrityException.class);
    }

    @Test
    void aFileThatIsNoZipIsRejected(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("cmad.zip");
        Files.writeString(file, "hello");

        assertThatThrownBy(() -> DetectorSnapshot.read(file))
                .isInstanceOf(SnapshotIntegrityException.class);
    }

    /** Rewrites the zip's entries (checksum entry included) through {@code change}. */
    private static void rewrite(Path file, UnaryOperator<Map<String, byte[]>> change)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file);
                ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        Map<String, byte[]> changed = change.apply(entries);
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : changed.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
    }
}
