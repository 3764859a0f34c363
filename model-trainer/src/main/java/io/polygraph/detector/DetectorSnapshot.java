package io.polygraph.detector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A trained CMAD model as one file: manifest, both pair networks and a checksum.
 *
 * <p>Layout (a zip, see {@link SnapshotArchive}):
 *
 * <pre>
 * manifest.json                      name, version, threshold, calibrations, feature encoding,
 *                                    training configuration, held-out metrics
 * networks/profile-transaction.fb    SameDiff FlatBuffers graph of the (profile, transaction) pair
 * networks/signature.fb              SameDiff FlatBuffers graph of the siamese signature pair
 * checksum.sha256                    SHA-256 over the three entries above
 * </pre>
 *
 * <p>{@link #read} verifies the checksum before it parses the manifest or deserializes a network,
 * and fails with {@link SnapshotIntegrityException} on any mismatch. Networks use SameDiff's
 * FlatBuffers format, never Java serialization. Loading a network is done by {@link #newDetector},
 * once per scorer, because networks are not thread-safe; the snapshot itself is immutable and can
 * be shared.
 *
 * @param manifest what the model is and how to use it
 * @param profileTransactionNetwork FlatBuffers bytes of the (profile, transaction) network
 * @param signatureNetwork FlatBuffers bytes of the signature network
 */
public record DetectorSnapshot(
        SnapshotManifest manifest, byte[] profileTransactionNetwork, byte[] signatureNetwork) {

    static final String MANIFEST_ENTRY = "manifest.json";
    static final String PROFILE_TRANSACTION_ENTRY = "networks/profile-transaction.fb";
    static final String SIGNATURE_ENTRY = "networks/signature.fb";

    public DetectorSnapshot {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(profileTransactionNetwork, "profileTransactionNetwork");
        Objects.requireNonNull(signatureNetwork, "signatureNetwork");
    }

    /** Writes the snapshot to {@code path} (atomically replacing any file there). */
    public void save(Path path) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(MANIFEST_ENTRY, SnapshotJson.mapper().writeValueAsBytes(manifest));
        entries.put(PROFILE_TRANSACTION_ENTRY, profileTransactionNetwork);
        entries.put(SIGNATURE_ENTRY, signatureNetwork);
        SnapshotArchive.write(path, entries);
    }

    /**
     * Reads the snapshot at {@code path}, verifying its checksum first.
     *
     * @throws SnapshotIntegrityException when the file was modified, is incomplete, or its manifest
     *     cannot be read
     */
    public static DetectorSnapshot read(Path path) throws IOException {
        Map<String, byte[]> entries = SnapshotArchive.read(path);
        for (String required :
                new String[] {MANIFEST_ENTRY, PROFILE_TRANSACTION_ENTRY, SIGNATURE_ENTRY}) {
            if (!entries.containsKey(required)) {
                throw new SnapshotIntegrityException(path + " lacks entry " + required);
            }
        }
        if (entries.size() != 3) {
            throw new SnapshotIntegrityException(
                    path + " holds unexpected entries: " + entries.keySet());
        }
        SnapshotManifest manifest;
        try {
            manifest =
                    SnapshotJson.mapper()
                            .readValue(entries.get(MANIFEST_ENTRY), SnapshotManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new SnapshotIntegrityException(
                    path + " has an unreadable manifest: " + e.getMessage(), e);
        }
        return new DetectorSnapshot(
                manifest, entries.get(PROFILE_TRANSACTION_ENTRY), entries.get(SIGNATURE_ENTRY));
    }

    /** Identity and threshold of the model. */
    public ModelInfo modelInfo() {
        return manifest.modelInfo();
    }

    /** A new detector with its own copy of the networks (one per thread). */
    public CrossModalDetector newDetector() {
        return new CrossModalDetector(
                manifest.modelInfo(),
                manifest.featureEncoding(),
                PairNetwork.fromBytes(profileTransactionNetwork),
                PairNetwork.fromBytes(signatureNetwork),
                manifest.calibration());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DetectorSnapshot that
                && manifest.equals(that.manifest)
                && java.util.Arrays.equals(
                        profileTransactionNetwork, that.profileTransactionNetwork)
                && java.util.Arrays.equals(signatureNetwork, that.signatureNetwork);
    }

    @Override
    public int hashCode() {
        return manifest.hashCode();
    }

    @Override
    public String toString() {
        return "DetectorSnapshot[" + manifest.name() + " " + manifest.version() + "]";
    }
}
