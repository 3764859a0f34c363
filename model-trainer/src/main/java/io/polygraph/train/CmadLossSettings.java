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

    /** Checks the ranges every CMAD configuration shares; throws naming the first bad one. */
    static void check(double lambda, double gamma, double marginTemperature, double l2) {
        ConfigChecks.closed("lambda", lambda, 0, 100);
        ConfigChecks.closed("gamma", gamma, -1, 1);
        ConfigChecks.closed("marginTemperature", marginTemperature, 0, 1);
        ConfigChecks.closed("l2", l2, 0, 1);
    }
}
