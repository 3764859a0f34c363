package io.polygraph.gan.mmoc;

import java.util.Objects;

/**
 * The outcome of an MMOC-GAN training run: the model, and what a report needs to show how training
 * went.
 *
 * @param model the trained model, threshold set
 * @param discriminatorLosses {@code L_D} per epoch of the complementary GAN
 * @param generatorLosses {@code L_G} per epoch of the complementary GAN
 * @param targetLosses the target network's loss (normal rows against the reference) per epoch
 * @param epsilon the density threshold, as the target network's probability that a row is normal
 */
public record MmocTraining(
        MmocModel model,
        double[] discriminatorLosses,
        double[] generatorLosses,
        double[] targetLosses,
        double epsilon) {

    public MmocTraining {
        Objects.requireNonNull(model, "model");
        discriminatorLosses = discriminatorLosses.clone();
        generatorLosses = generatorLosses.clone();
        targetLosses = targetLosses.clone();
    }

    @Override
    public double[] discriminatorLosses() {
        return discriminatorLosses.clone();
    }

    @Override
    public double[] generatorLosses() {
        return generatorLosses.clone();
    }

    @Override
    public double[] targetLosses() {
        return targetLosses.clone();
    }
}
