package io.polygraph.detector;

import java.util.List;

/**
 * The CMAD cross-modal detector with a K = 3 behaviour consensus space (profile, transaction, and
 * the recent transactions read by an LSTM) beside the signature pair ({@link
 * SequenceCrossModalDetector}): the feature encoding in the manifest, {@link
 * CmadSequenceParameters} as parameters.
 *
 * <p>A type of its own rather than a variant of {@code cmad}: its networks differ in number of
 * inputs and outputs, and a type's network list is fixed, so {@code cmad} snapshots stay exactly
 * what they were.
 */
public final class CmadSequenceDetectorType extends TransactionDetectorType {

    /** The manifest's {@code detectorType}. */
    public static final String ID = "cmad-sequence";

    /** The (profile, transaction, history) consensus network. */
    public static final String BEHAVIOUR = "behaviour";

    /** The siamese (enrolment, presented) signature network, as in {@code cmad}. */
    public static final String SIGNATURE = CmadDetectorType.SIGNATURE;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> networks() {
        return List.of(BEHAVIOUR, SIGNATURE);
    }

    @Override
    public BatchScorer newScorer(DetectorSnapshot snapshot) {
        return SequenceCrossModalDetector.fromSnapshot(snapshot);
    }
}
