package io.polygraph.features;

/**
 * The version of the feature encoding, stored in every model snapshot.
 *
 * <p>Contract: any change to what a column means, to the column order, to the signature canvas or
 * to the preprocessing bumps {@link #VERSION}; a snapshot trained with another version is refused
 * at load time rather than scored with features it was not trained on.
 */
public final class FeatureSpec {

    /**
     * Version 1: profile as in {@link ProfileEncoder}, transaction and recent history as in {@link
     * TransactionEncoder}, signatures as in {@link SignatureFeatures} (32 x 96 ink canvas).
     */
    public static final int VERSION = 1;

    private FeatureSpec() {}
}
