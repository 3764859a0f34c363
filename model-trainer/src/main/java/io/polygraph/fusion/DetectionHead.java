package io.polygraph.fusion;

/** What DMAFN computes from the fused representation to score a record. */
public enum DetectionHead {
    /**
     * Unsupervised (the default): decoders reconstruct every present modality from the fused
     * representation; the score is the reconstruction error, per modality and overall.
     */
    AUTOENCODER,
    /** Supervised, when labels exist: the probability that the record is anomalous. */
    CLASSIFIER
}
