package io.polygraph.bigan;

import io.polygraph.detector.RowModelDetector;
import io.polygraph.detector.RowModelDetectorType;
import io.polygraph.gan.bigan.BiganModel;

/**
 * IGMM-BiGAN on transaction records (a {@link RowModelDetector}): one network entry, the tabular
 * feature encoding in the manifest, {@link io.polygraph.detector.RowModelParameters} as parameters.
 *
 * <p>The network entry holds the whole {@link BiganModel} stream (input scaling, the encoder,
 * generator and discriminator graph in SameDiff's FlatBuffers format, the latent mixture and single
 * Gaussian) rather than the bare graph, so that the library's one reader parses it; being a network
 * entry it is covered by the snapshot's checksum and version hash.
 */
public final class BiganDetectorType extends RowModelDetectorType {

    /** The manifest's {@code detectorType}. */
    public static final String ID = "igmm-bigan";

    /** The IGMM-BiGAN scoring model. */
    public static final String NETWORK = "igmm-bigan-model";

    public BiganDetectorType() {
        super(ID, NETWORK, BiganModel::load);
    }
}
