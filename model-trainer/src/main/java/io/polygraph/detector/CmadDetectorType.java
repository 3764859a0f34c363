package io.polygraph.detector;

import java.util.List;

/**
 * The CMAD cross-modal detector on transaction records ({@link CrossModalDetector}): two pair
 * networks, the feature encoding in the manifest, {@link CmadParameters} as parameters.
 */
public final class CmadDetectorType extends TransactionDetectorType {

    /** The manifest's {@code detectorType}. */
    public static final String ID = "cmad";

    /** The (profile, transaction) pair network. */
    public static final String PROFILE_TRANSACTION = "profile-transaction";

    /** The siamese (enrolment, presented) signature network. */
    public static final String SIGNATURE = "signature";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> networks() {
        return List.of(PROFILE_TRANSACTION, SIGNATURE);
    }

    @Override
    public BatchScorer newScorer(DetectorSnapshot snapshot) {
        return CrossModalDetector.fromSnapshot(snapshot);
    }
}
