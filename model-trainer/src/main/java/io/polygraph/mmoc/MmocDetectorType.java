package io.polygraph.mmoc;

import io.polygraph.detector.RowModelDetector;
import io.polygraph.detector.RowModelDetectorType;
import io.polygraph.gan.mmoc.MmocModel;

/**
 * The MMOC-GAN discriminator on transaction records (a {@link RowModelDetector}): one network, the
 * tabular feature encoding in the manifest, {@link io.polygraph.detector.RowModelParameters} as
 * parameters.
 *
 * <p>The network entry holds the whole {@link MmocModel} stream (input scaling, the library's own
 * raw threshold, and the scoring graph in SameDiff's FlatBuffers format) rather than the bare
 * graph, so that the library's one reader parses it; being a network entry it is covered by the
 * snapshot's checksum and version hash.
 */
public final class MmocDetectorType extends RowModelDetectorType {

    /** The manifest's {@code detectorType}. */
    public static final String ID = "mmoc";

    /** The discriminator's scoring model. */
    public static final String NETWORK = "mmoc-discriminator";

    public MmocDetectorType() {
        super(ID, NETWORK, MmocModel::load);
    }
}
