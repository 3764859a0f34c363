package io.polygraph.train;

/**
 * What a CMAD training graph needs to know of its run's configuration: the Eq. 8 loss terms and the
 * regularisation. Implemented by every CMAD configuration ({@link TrainerConfig} for the world,
 * {@link ImageTagConfig} for the image-tag protocol), so that {@link PairGraphs} builds the same
 * graph for all of them.
 */
interface CmadLossSettings {

    /** Weight of the inconsistent-pair term. */
    double lambda();

    /** Cosine margin of the inconsistent-pair term. */
    double gamma();

    /** 0 for the published hinge, above 0 for its smooth version. */
    double marginTemperature();

    /** L2 regularisation coefficient of all weights. */
    double l2();
}
