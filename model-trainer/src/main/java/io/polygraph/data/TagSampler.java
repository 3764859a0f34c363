package io.polygraph.data;

import java.util.random.RandomGenerator;

/**
 * Draws the embedding of a class's text tag, for example the tag "seven" of a digit: the second
 * modality of an (image, tag) protocol. Each call may add fresh noise, so that a tag is a cloud
 * rather than a point, as embeddings of a word's occurrences are.
 */
public interface TagSampler {

    /** Length of a tag embedding. */
    int width();

    /** A tag embedding of class {@code label}, noise drawn from {@code random}. */
    float[] tag(int label, RandomGenerator random);
}
