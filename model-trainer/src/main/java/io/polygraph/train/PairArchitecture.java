package io.polygraph.train;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The two encoders of one CMAD modality pair, mapping each modality into the shared r-dimensional
 * space.
 *
 * <p>Contract: {@link #create} declares the variables once; {@link Towers#a} and {@link Towers#b}
 * may then be applied any number of times, sharing those variables (the signature pair applies one
 * tower to both sides, which makes it siamese). A drop mask is null in the inference graph and a
 * {@code [batch, dropWidth]} placeholder in the training graph.
 */
interface PairArchitecture {

    /** Shape of one input of side a, without the batch dimension. */
    long[] shapeA();

    /** Shape of one input of side b, without the batch dimension. */
    long[] shapeB();

    /** Width of the dropout mask of side a. */
    int dropWidthA();

    /** Width of the dropout mask of side b. */
    int dropWidthB();

    /**
     * Share (0-1) of the inconsistent-pair term that comes from in-batch negatives (other entities'
     * whole records); the rest comes from the constructed hard negatives.
     */
    double inBatchNegativeShare();

    /** Declares the variables of both towers. */
    Towers create(GraphLayers layers);

    /** The two towers of a pair, applied to placeholders. */
    interface Towers {
        SDVariable a(SDVariable input, SDVariable dropMask);

        SDVariable b(SDVariable input, SDVariable dropMask);
    }
}
