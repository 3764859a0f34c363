package io.polygraph.bigan;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.TransactionDetectorType;
import java.util.List;

/**
 * IGMM-BiGAN on transaction records ({@link BiganDetector}): one network entry, the tabular feature
 * encoding in the manifest, {@link BiganParameters} as parameters.
 *
 * <p>The network entry holds the whole {@link io.polygraph.gan.bigan.BiganModel} stream (input
 * scaling, the encoder, generator and discriminator graph in SameDiff's FlatBuffers format, the
 * latent mixture and single Gaussian) rather than the bare graph, so that the library's one reader
 * parses it; being a network entry it is covered by the snapshot's checksum and version hash.
 */
public final class BiganDetectorType extends TransactionDetectorType {

    /** The manifest's {@code detectorType}. */
    public static final String ID = "igmm-bigan";

    /** The IGMM-BiGAN scoring model. */
    public static final String NETWORK = "igmm-bigan-model";

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
        return BiganDetector.fromSnapshot(snapshot);
    }
}
