package io.polygraph.fusion;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.TransactionDetectorType;
import java.util.List;

/**
 * The DMAFN fusion detector on transaction records ({@link DmafnDetector}): one network, the
 * tabular feature encoding in the manifest, {@link DmafnParameters} as parameters.
 */
public final class DmafnDetectorType extends TransactionDetectorType {

    /** The manifest's {@code detectorType}. */
    public static final String ID = "dmafn";

    /** The fusion network. */
    public static final String FUSION = "fusion";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> networks() {
        return List.of(FUSION);
    }

    @Override
    public BatchScorer newScorer(DetectorSnapshot snapshot) {
        return DmafnDetector.fromSnapshot(snapshot);
    }
}
