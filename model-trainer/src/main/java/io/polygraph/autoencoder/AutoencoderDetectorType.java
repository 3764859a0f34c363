package io.polygraph.autoencoder;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.TransactionDetectorType;
import java.util.List;

/**
 * The reconstruction autoencoder on transaction records ({@link AutoencoderDetector}), trained
 * plainly or by DUAD's normal-subset selection (the manifest's training configuration says which):
 * one network, the tabular feature encoding in the manifest, {@link AutoencoderParameters} as
 * parameters.
 */
public final class AutoencoderDetectorType extends TransactionDetectorType {

    /** The manifest's {@code detectorType}. */
    public static final String ID = "autoencoder";

    /** The dense autoencoder's inference graph. */
    public static final String NETWORK = "autoencoder";

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
        return AutoencoderDetector.fromSnapshot(snapshot);
    }
}
