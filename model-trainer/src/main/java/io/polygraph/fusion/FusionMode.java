package io.polygraph.fusion;

/** How DMAFN fuses its modalities into one representation. */
public enum FusionMode {
    /**
     * The modalities' inputs (profile, transaction, flattened history, downsampled signatures and
     * the presence flags) concatenated into one perceptron: no per-modality extractor.
     */
    EARLY,
    /** The per-modality embeddings concatenated (missing ones zeroed) into one perceptron. */
    LATE,
    /**
     * A learned weight per present modality (softmax over a scored projection of each embedding),
     * the fused representation their weighted sum; the weights explain each record's score.
     */
    ATTENTION
}
