package io.polygraph.detector;

import java.util.List;

/**
 * One kind of detector a snapshot can hold: the id its manifest records, the networks its file
 * carries, and how a snapshot of it becomes a scorer.
 *
 * <p>The snapshot format itself (manifest header, checksum, entries, version) is shared by every
 * type; what is particular to a type lives in its named networks (each stored as {@code
 * networks/<name>.fb}) and in the manifest's {@code parameters} object, which the type reads with
 * {@link DetectorSnapshot#parameters(Class)} into a record of its own.
 *
 * <p>Adding a detector type takes one class implementing this interface (for a type that scores
 * transactions, extending {@link TransactionDetectorType}, as {@link CmadDetectorType} does in
 * about 30 lines) and one line in {@link DetectorTypes}. Its trainer writes snapshots with {@code
 * new DetectorSnapshot(manifest, networks)}, the manifest's {@code detectorType} set to {@link
 * #id()} and its version from {@link SnapshotStamp} (see {@code SnapshotAssembler} in the trainer,
 * or {@link ImageTagDetector#toSnapshot}). Implementations are stateless and thread-safe; the
 * scorers they create are not (one per thread).
 */
public interface DetectorType {

    /**
     * The id written to the manifest's {@code detectorType}, for example {@code cmad}; lower case,
     * and never changed once snapshots of the type exist.
     */
    String id();

    /**
     * The names of the networks a snapshot of this type holds, no more and no fewer, in a fixed
     * order (the order their bytes enter the snapshot's version hash); lower case letters, digits
     * and hyphens.
     */
    List<String> networks();

    /**
     * What the detector scores, plural, for messages: {@code "transactions"}, {@code "(image, tag)
     * pairs"}.
     */
    String scoredItems();

    /**
     * Whether the detector scores {@link MultimodalRecord}s, that is whether {@link #newScorer}
     * works and the streaming job can run it.
     */
    boolean scoresTransactions();

    /**
     * A new scorer holding its own copy of the snapshot's networks (one per thread or Flink
     * subtask).
     *
     * @param snapshot a snapshot of this type
     * @throws UnsupportedOperationException when {@link #scoresTransactions()} is false
     * @throws IllegalArgumentException when the snapshot's parameters or networks do not fit the
     *     type
     */
    BatchScorer newScorer(DetectorSnapshot snapshot);
}
