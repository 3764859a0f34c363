package io.polygraph.mmoc;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.TransactionDetectorType;
import java.util.List;

/**
 * The MMOC-GAN discriminator on transaction records ({@link MmocDetector}): one network, the
 * tabular feature encoding in the manifest, {@link MmocParameters} as parameters.
 *
 * <p>The network entry holds the whole {@link io.polygraph.gan.mmoc.MmocModel} stream (input
 * scaling, the library's own raw threshold, and the scoring graph in SameDiff's FlatBuffers format)
 * rather than the bare graph, so that the library's one reader parses it; being a network entry it
 * is covered by the snapshot's checksum and version hash.
 */
public final class MmocDetectorType extends TransactionDetectorType {

    /** The manifest's {@code detectorType}. */
    public static final String ID = "mmoc";

    /** The discriminator's scoring model. */
    public static final String NETWORK = "mmoc-discriminator";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> networks() {
        return List.of(NETWORK);
    }

    @Override
    public BatchScorer newScorer(DetectorSnapshot snapshot) {
        return MmocDetector.fromSnapshot(snapshot);
    }
}
