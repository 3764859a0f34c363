package io.polygraph.detector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * Reads a verified snapshot's {@code manifest.json} into a {@link SnapshotManifest}, converting
 * older formats on the way.
 *
 * <p>Format 1 (before detector types) was CMAD's only: its {@code embeddingSize}, {@code
 * profileTransactionCalibration} and {@code signatureCalibration} sat in the header, and its two
 * network entries had the same names as a format 2 {@code cmad} snapshot's. So a format 1 manifest
 * becomes a format 2 {@code cmad} one by moving those three fields into {@code parameters} (same
 * names, see {@link CmadParameters}); the networks need no change. Converting in memory rather than
 * rewriting the file keeps its checksum valid: users with older snapshots can load them as they
 * are.
 */
final class ManifestReader {

    /** The first, CMAD-only format. */
    static final int FORMAT_VERSION_1 = 1;

    private static final List<String> VERSION_1_CMAD_FIELDS =
            List.of("embeddingSize", "profileTransactionCalibration", "signatureCalibration");

    private ManifestReader() {}

    /**
     * The manifest in {@code json}, of any supported format.
     *
     * @throws SnapshotIntegrityException when it cannot be read, naming {@code path}
     */
    static SnapshotManifest read(String path, byte[] json) throws SnapshotIntegrityException {
        try {
            JsonNode tree = SnapshotJson.mapper().readTree(json);
            if (!(tree instanceof ObjectNode manifest)) {
                throw new IllegalArgumentException("manifest.json is not a JSON object");
            }
            if (manifest.path("formatVersion").asInt() == FORMAT_VERSION_1) {
                manifest = fromVersion1(manifest);
            }
            return SnapshotJson.mapper().treeToValue(manifest, SnapshotManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new SnapshotIntegrityException(
                    path + " has an unreadable manifest: " + e.getMessage(), e);
        }
    }

    /** A format 1 manifest as the format 2 manifest of a {@code cmad} snapshot. */
    static ObjectNode fromVersion1(ObjectNode version1) {
        ObjectNode manifest = version1.deepCopy();
        ObjectNode parameters = manifest.objectNode();
        for (String field : VERSION_1_CMAD_FIELDS) {
            JsonNode value = manifest.remove(field);
            if (value == null) {
                throw new IllegalArgumentException("format 1 manifest lacks " + field);
            }
            parameters.set(field, value);
        }
        manifest.put("formatVersion", SnapshotManifest.FORMAT_VERSION);
        manifest.put("detectorType", CmadDetectorType.ID);
        manifest.set("parameters", parameters);
        return manifest;
    }
}
