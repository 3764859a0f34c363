package io.polygraph.detector;

import java.util.List;

/**
 * The CMAD detector of (image, tag) pairs ({@link ImageTagDetector}, the paper's MNIST experiment):
 * one network, {@link ImageTagParameters} as parameters, no feature encoding. It scores no
 * transaction records, so it cannot back a {@link BatchScorer}; load it with {@link
 * ImageTagDetector#fromSnapshot}.
 */
public final class ImageTagDetectorType implements DetectorType {

    /** The manifest's {@code detectorType}. */
    public static final String ID = "cmad-image-tag";

    /** The (image, tag) pair network. */
    public static final String IMAGE_TAG = "image-tag";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> networks() {
        return List.of(IMAGE_TAG);
    }

    @Override
    public String scoredItems() {
        return "(image, tag) pairs";
    }

    @Override
    public boolean scoresTransactions() {
        return false;
    }

    @Override
    public BatchScorer newScorer(DetectorSnapshot snapshot) {
        throw new UnsupportedOperationException(
                ID
                        + " detectors score "
                        + scoredItems()
                        + ", not transactions; load one with ImageTagDetector.fromSnapshot");
    }
}
