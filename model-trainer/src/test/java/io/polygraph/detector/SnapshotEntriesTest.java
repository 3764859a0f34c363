package io.polygraph.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.train.TestDetectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot whose checksum is intact but whose entries or detector type are not what its manifest
 * promises: rewritten here with a fresh checksum, so that the entry checks, not the digest, must
 * catch them.
 */
class SnapshotEntriesTest {

    private static final String SIGNATURE_ENTRY = "networks/signature.fb";

    private static DetectorSnapshot snapshot;

    @BeforeAll
    static void buildSnapshot() {
        snapshot =
                TestDetectors.untrainedSnapshot(
                        TestDetectors.records(TestDetectors.world(14, 8, 7)), 0.0);
    }

    @Test
    void aMissingNetworkIsNamed(@TempDir Path directory) throws Exception {
        Path file = savedAndRewritten(directory, entries -> entries.remove(SIGNATURE_ENTRY));

        assertThatThrownBy(() -> DetectorSnapshot.read(file))
                .isInstanceOf(SnapshotIntegrityException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("does not hold the networks of a cmad snapshot")
                .hasMessageContaining("missing [" + SIGNATURE_ENTRY + "]");
    }

    @Test
    void anUnexpectedEntryIsNamed(@TempDir Path directory) throws Exception {
        Path file =
                savedAndRewritten(
                        directory, entries -> entries.put("networks/extra.fb", new byte[] {1}));

        assertThatThrownBy(() -> DetectorSnapshot.read(file))
                .isInstanceOf(SnapshotIntegrityException.class)
                .hasMessageContaining("unexpected [networks/extra.fb]")
                .hasMessageNotContaining("missing");
    }

    @Test
    void aManifestNamingAnUnknownTypeListsTheKnownOnes(@TempDir Path directory) throws Exception {
        Path file =
                savedAndRewritten(
                        directory,
                        entries -> {
                            String manifest =
                                    new String(
                                            entries.get(DetectorSnapshot.MANIFEST_ENTRY),
                                            StandardCharsets.UTF_8);
                            String changed =
                                    manifest.replace(
                                            "\"detectorType\" : \"cmad\"",
                                            "\"detectorType\" : \"dmafn-x\"");
                            assertThat(changed).isNotEqualTo(manifest);
                            entries.put(
                                    DetectorSnapshot.MANIFEST_ENTRY,
                                    changed.getBytes(StandardCharsets.UTF_8));
                        });

        assertThatThrownBy(() -> DetectorSnapshot.read(file))
                .isInstanceOf(SnapshotIntegrityException.class)
                .hasMessageContaining("unknown detector type 'dmafn-x'")
                .hasMessageContaining("cmad, cmad-image-tag");
    }

    @Test
    void theRegistryRejectsAnUnknownIdListingTheKnownOnes() {
        assertThat(DetectorTypes.ids())
                .contains(
                        "cmad",
                        "cmad-image-tag",
                        "dmafn",
                        "cmad-sequence",
                        "autoencoder",
                        "combined",
                        "mmoc",
                        "igmm-bigan");
        assertThat(DetectorTypes.of("cmad").networks())
                .containsExactly("profile-transaction", "signature");
        assertThatThrownBy(() -> DetectorTypes.of("isolation-forest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "unknown detector type 'isolation-forest'; this library knows "
                                + String.join(", ", DetectorTypes.ids()));
    }

    @Test
    void aSnapshotCannotBeBuiltWithOtherNetworksThanItsTypeNeeds() {
        byte[] network = snapshot.network(CmadDetectorType.PROFILE_TRANSACTION);

        assertThatThrownBy(
                        () ->
                                new DetectorSnapshot(
                                        snapshot.manifest(),
                                        Map.of(
                                                CmadDetectorType.PROFILE_TRANSACTION,
                                                network,
                                                "image-tag",
                                                network)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing [signature]")
                .hasMessageContaining("unexpected [image-tag]");
    }

    @Test
    void aManifestWithAFeatureSpecVersionButNoEncodingIsRejected() {
        SnapshotManifest valid = snapshot.manifest();

        assertThatThrownBy(
                        () ->
                                new SnapshotManifest(
                                        valid.formatVersion(),
                                        valid.detectorType(),
                                        valid.name(),
                                        valid.version(),
                                        valid.createdAt(),
                                        valid.threshold(),
                                        valid.targetAlertRate(),
                                        valid.featureSpecVersion(),
                                        null,
                                        valid.parameters(),
                                        valid.trainingConfig(),
                                        valid.heldOutMetrics()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("disagree");
    }

    /** The snapshot saved, its entries changed and written again with a valid checksum. */
    private static Path savedAndRewritten(Path directory, Consumer<Map<String, byte[]>> change)
            throws IOException {
        Path file = directory.resolve("cmad.zip");
        snapshot.save(file);
        Map<String, byte[]> entries = SnapshotArchive.read(file);
        change.accept(entries);
        SnapshotArchive.write(file, entries);
        return file;
    }
}
