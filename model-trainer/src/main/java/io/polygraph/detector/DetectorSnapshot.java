package io.polygraph.detector;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.polygraph.cuda.CudaBackendCheck;
import io.polygraph.features.FeatureEncoding;
import io.polygraph.graph.GraphBackend;
import io.polygraph.graph.Nd4jGraphBackend;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A trained detector of any registered {@link DetectorType} as one file: manifest, networks and a
 * checksum.
 *
 * <p>Layout (a zip, see {@link SnapshotArchive}), format version {@value
 * SnapshotManifest#FORMAT_VERSION}:
 *
 * <pre>
 * manifest.json          detector type, name, version, threshold, feature encoding (if any),
 *                        type-specific parameters, training configuration, held-out metrics
 * networks/&lt;name&gt;.fb     SameDiff FlatBuffers graph, one per network the type requires
 *                        (see each type's networks(); cmad: profile-transaction and
 *                        signature)
 * reference/records.avro optional: a few records (Avro data file of JoinedTransaction) and
 * reference/scores.json  the scores this model gave them when it was written (see {@link
 *                        ReferenceRecords}); both or neither
 * checksum.sha256        SHA-256 over all the entries above
 * </pre>
 *
 * <p>{@link #read} verifies the checksum before it parses the manifest or deserializes a network,
 * then requires exactly the networks the manifest's detector type needs, and fails with {@link
 * SnapshotIntegrityException} on any mismatch. Files of format 1 (a CMAD-only manifest) are
 * converted to a {@code cmad} snapshot as they are read; writing always writes the current format.
 * Networks use SameDiff's FlatBuffers format, never Java serialization, and are deserialized only
 * when a detector is built from the snapshot ({@link #newScorer}, or the detector's own {@code
 * fromSnapshot}), once per scorer, because networks are not thread-safe. The snapshot itself is
 * immutable and can be shared.
 */
public final class DetectorSnapshot {

    static final String MANIFEST_ENTRY = "manifest.json";
    private static final String NETWORK_FOLDER = "networks/";
    private static final String NETWORK_SUFFIX = ".fb";
    private static final Pattern NETWORK_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final SnapshotManifest manifest;
    private final DetectorType type;
    private final Map<String, byte[]> networks;
    private final ReferenceRecords reference;
    private final GraphBackend graphBackend;
    private final int enrolmentCanvases;

    /**
     * @param manifest what the model is and how to use it
     * @param networks FlatBuffers bytes by network name: exactly the networks of the manifest's
     *     detector type (copied)
     * @throws IllegalArgumentException when the detector type is unknown or the networks are not
     *     the ones it requires
     */
    public DetectorSnapshot(SnapshotManifest manifest, Map<String, byte[]> networks) {
        this(manifest, networks, null);
    }

    /** A snapshot as written or read: checked, its networks copied, scoring on ND4J. */
    private DetectorSnapshot(
            SnapshotManifest manifest, Map<String, byte[]> networks, ReferenceRecords reference) {
        this.reference = reference;
        this.graphBackend = GraphBackend.nd4j();
        this.enrolmentCanvases = EnrolmentCanvases.DEFAULT_CAPACITY;
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.type = DetectorTypes.of(manifest.detectorType());
        String mismatch = mismatch(type.networks(), networks.keySet());
        if (mismatch != null) {
            throw new IllegalArgumentException(
                    "a "
                            + type.id()
                            + " snapshot needs networks "
                            + type.networks()
                            + ": "
                            + mismatch);
        }
        Map<String, byte[]> copies = new LinkedHashMap<>();
        for (String name : type.networks()) {
            copies.put(name, networks.get(name).clone());
        }
        this.networks = Collections.unmodifiableMap(copies);
    }

    /**
     * {@code base} with other reference records or scoring settings: its manifest and networks,
     * already checked and copied, are shared rather than copied again.
     */
    private DetectorSnapshot(
            DetectorSnapshot base,
            ReferenceRecords reference,
            GraphBackend graphBackend,
            int enrolmentCanvases) {
        this.manifest = base.manifest;
        this.type = base.type;
        this.networks = base.networks;
        this.reference = reference;
        this.graphBackend = Objects.requireNonNull(graphBackend, "graphBackend");
        this.enrolmentCanvases = EnrolmentCanvases.requireCapacity(enrolmentCanvases);
    }

    /** Writes the snapshot to {@code path} (atomically replacing any file there). */
    public void save(Path path) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(MANIFEST_ENTRY, SnapshotJson.mapper().writeValueAsBytes(manifest));
        networks.forEach((name, bytes) -> entries.put(entryOf(name), bytes));
        if (reference != null) {
            entries.put(ReferenceRecords.RECORDS_ENTRY, reference.recordsBytes());
            entries.put(ReferenceRecords.SCORES_ENTRY, reference.scoresBytes());
        }
        SnapshotArchive.write(path, entries);
    }

    /**
     * Reads the snapshot at {@code path}, verifying its checksum first.
     *
     * @throws SnapshotIntegrityException when the file was modified or is incomplete, its manifest
     *     cannot be read or names an unknown detector type, or its networks are not those of its
     *     detector type
     */
    public static DetectorSnapshot read(Path path) throws IOException {
        return fromEntries(path.toString(), SnapshotArchive.read(path));
    }

    /**
     * Reads a snapshot from its bytes, with the same checks as {@link #read(Path)}; {@code source}
     * names it in errors. For callers that verify a file's digest and must parse exactly the bytes
     * they verified, not a file that may have changed in between.
     */
    public static DetectorSnapshot read(String source, byte[] bytes) throws IOException {
        return fromEntries(source, SnapshotArchive.read(source, new ByteArrayInputStream(bytes)));
    }

    private static DetectorSnapshot fromEntries(String path, Map<String, byte[]> archived)
            throws IOException {
        Map<String, byte[]> entries = new TreeMap<>(archived);
        ReferenceRecords reference = referenceOf(path, entries);
        byte[] manifestJson = entries.remove(MANIFEST_ENTRY);
        if (manifestJson == null) {
            throw new SnapshotIntegrityException(path + " lacks entry " + MANIFEST_ENTRY);
        }
        SnapshotManifest manifest = ManifestReader.read(path, manifestJson);
        DetectorType type;
        try {
            type = DetectorTypes.of(manifest.detectorType());
        } catch (IllegalArgumentException e) {
            throw new SnapshotIntegrityException(path + ": " + e.getMessage(), e);
        }
        List<String> expected = type.networks().stream().map(DetectorSnapshot::entryOf).toList();
        String mismatch = mismatch(expected, entries.keySet());
        if (mismatch != null) {
            throw new SnapshotIntegrityException(
                    path
                            + " does not hold the networks of a "
                            + type.id()
                            + " snapshot: "
                            + mismatch);
        }
        Map<String, byte[]> networks = new LinkedHashMap<>();
        for (String name : type.networks()) {
            networks.put(name, entries.get(entryOf(name)));
        }
        return new DetectorSnapshot(manifest, networks, reference);
    }

    /** Removes the reference entries from {@code entries} and reads them, if there are any. */
    private static ReferenceRecords referenceOf(String path, Map<String, byte[]> entries)
            throws SnapshotIntegrityException {
        byte[] records = entries.remove(ReferenceRecords.RECORDS_ENTRY);
        byte[] scores = entries.remove(ReferenceRecords.SCORES_ENTRY);
        if (records == null && scores == null) {
            return null;
        }
        if (records == null || scores == null) {
            throw new SnapshotIntegrityException(
                    path
                            + " holds only one of "
                            + ReferenceRecords.RECORDS_ENTRY
                            + " and "
                            + ReferenceRecords.SCORES_ENTRY);
        }
        return ReferenceRecords.read(path, records, scores);
    }

    /**
     * This snapshot with reference records: {@code records} and the scores this snapshot's own
     * scorer gives them now, so that wherever it is loaded it can be checked to score the same.
     */
    public DetectorSnapshot withReferenceRecords(List<MultimodalRecord> records) {
        try (BatchScorer scorer = newScorer()) {
            return new DetectorSnapshot(
                    this,
                    ReferenceRecords.scoredBy(scorer, records),
                    graphBackend,
                    enrolmentCanvases);
        }
    }

    /** This snapshot without reference records, as snapshots written before them were. */
    public DetectorSnapshot withoutReferenceRecords() {
        return new DetectorSnapshot(this, null, graphBackend, enrolmentCanvases);
    }

    /**
     * This snapshot, its scorers running their networks on {@code backend} instead of ND4J (see
     * {@link GraphBackend}). Detector types whose networks only ND4J runs refuse to make scorers
     * from it.
     */
    public DetectorSnapshot withGraphBackend(GraphBackend backend) {
        return new DetectorSnapshot(this, reference, backend, enrolmentCanvases);
    }

    /**
     * This snapshot, each of its scorers keeping the canvases of up to {@code capacity} enrolment
     * signatures from batch to batch (see {@link EnrolmentCanvases}; 0 keeps none). Scorers keep
     * {@link EnrolmentCanvases#DEFAULT_CAPACITY} unless told otherwise.
     */
    public DetectorSnapshot withEnrolmentCanvases(int capacity) {
        return new DetectorSnapshot(this, reference, graphBackend, capacity);
    }

    /** Most enrolment canvases each scorer of this snapshot keeps from batch to batch. */
    public int enrolmentCanvases() {
        return enrolmentCanvases;
    }

    /** What the scorers of this snapshot run their networks on: ND4J unless chosen otherwise. */
    public GraphBackend graphBackend() {
        return graphBackend;
    }

    /**
     * Fails unless the networks are to run on ND4J: for detector types whose networks are not
     * SameDiff inference graphs any other backend could read.
     *
     * @throws UnsupportedOperationException naming the type and the chosen backend
     */
    public void requireNd4jGraphBackend() {
        if (!Nd4jGraphBackend.NAME.equals(graphBackend.name())) {
            throw new UnsupportedOperationException(
                    type.id()
                            + " detectors score on ND4J only, not on the "
                            + graphBackend.name()
                            + " graph backend");
        }
    }

    /** The records to check a loaded model with, when the snapshot carries them. */
    public Optional<ReferenceRecords> referenceRecords() {
        return Optional.ofNullable(reference);
    }

    /** What the model is and how to use it. */
    public SnapshotManifest manifest() {
        return manifest;
    }

    /** The detector type the manifest names. */
    public DetectorType type() {
        return type;
    }

    /** Identity and threshold of the model. */
    public ModelInfo modelInfo() {
        return manifest.modelInfo();
    }

    /**
     * The feature encoding the networks were trained with, for the types that encode transaction
     * records.
     *
     * @throws IllegalArgumentException when the manifest has none
     */
    public FeatureEncoding featureEncoding() {
        if (manifest.featureEncoding() == null) {
            throw new IllegalArgumentException(this + " has no feature encoding");
        }
        return manifest.featureEncoding();
    }

    /** The names of the networks, in the detector type's order. */
    public List<String> networkNames() {
        return List.copyOf(networks.keySet());
    }

    /** A copy of the FlatBuffers bytes of network {@code name}. */
    public byte[] network(String name) {
        byte[] bytes = networks.get(name);
        if (bytes == null) {
            throw new IllegalArgumentException(
                    "a "
                            + type.id()
                            + " snapshot has no network "
                            + name
                            + "; it has "
                            + networks.keySet());
        }
        return bytes.clone();
    }

    /**
     * The manifest's type-specific parameters as {@code parametersType}, a Jackson-readable record
     * such as {@link CmadParameters}.
     *
     * @throws IllegalArgumentException when the parameters do not fit that record
     */
    public <T> T parameters(Class<T> parametersType) {
        try {
            return SnapshotJson.mapper().treeToValue(manifest.parameters(), parametersType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    this + " has invalid " + type.id() + " parameters: " + e.getMessage(), e);
        }
    }

    /**
     * Requires this snapshot to hold a detector of type {@code id}.
     *
     * @return this snapshot
     * @throws IllegalArgumentException when it holds another type
     */
    public DetectorSnapshot requireType(String id) {
        if (!type.id().equals(id)) {
            throw new IllegalArgumentException(
                    this + " holds a " + type.id() + " detector, not a " + id + " one");
        }
        return this;
    }

    /**
     * A new scorer of transaction records with its own copy of the networks (one per thread).
     *
     * @throws UnsupportedOperationException when the detector type scores no transaction records
     *     ({@link DetectorType#scoresTransactions()})
     * @throws io.polygraph.cuda.UnsupportedGpuException in the {@code -Pcuda} build, when a visible
     *     GPU is one ND4J's CUDA backend has no kernels for
     */
    public BatchScorer newScorer() {
        // Before any network is loaded: on such a GPU ND4J fails only at its first kernel, deep
        // inside the first batch a job scores.
        CudaBackendCheck.requireUsableBackend();
        return type.newScorer(this);
    }

    /** The zip entry of network {@code name}. */
    static String entryOf(String name) {
        if (!NETWORK_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid network name: '" + name + "'");
        }
        return NETWORK_FOLDER + name + NETWORK_SUFFIX;
    }

    /** What is missing from or unexpected in {@code actual}, or null when it equals expected. */
    private static String mismatch(List<String> expected, Set<String> actual) {
        List<String> missing = expected.stream().filter(name -> !actual.contains(name)).toList();
        List<String> unexpected =
                actual.stream().filter(name -> !expected.contains(name)).sorted().toList();
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing " + missing);
        }
        if (!unexpected.isEmpty()) {
            parts.add("unexpected " + unexpected);
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof DetectorSnapshot that)
                || !manifest.equals(that.manifest)
                || !Objects.equals(reference, that.reference)
                || !networks.keySet().equals(that.networks.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> network : networks.entrySet()) {
            if (!Arrays.equals(network.getValue(), that.networks.get(network.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return manifest.hashCode();
    }

    @Override
    public String toString() {
        return "DetectorSnapshot["
                + manifest.detectorType()
                + " "
                + manifest.name()
                + " "
                + manifest.version()
                + "]";
    }
}
