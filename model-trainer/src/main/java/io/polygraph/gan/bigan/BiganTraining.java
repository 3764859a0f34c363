package io.polygraph.gan.bigan;

import java.util.Objects;

/**
 * The outcome of an IGMM-BiGAN training run: the model, and what a report needs to show how
 * training went.
 *
 * @param model the trained model, mixture and single Gaussian fitted
 * @param discriminatorLosses {@code L_D} per epoch
 * @param encoderGeneratorLosses {@code L_EG} (adversarial plus weighted reconstruction) per epoch
 */
public record BiganTraining(
        BiganModel model, double[] discriminatorLosses, double[] encoderGeneratorLosses) {

    public BiganTraining {
        Objects.requireNonNull(model, "model");
        discriminatorLosses = discriminatorLosses.clone();
        encoderGeneratorLosses = encoderGeneratorLosses.clone();
    }

    @Override
    public double[] discriminatorLosses() {
        return discriminatorLosses.clone();
    }

    @Override
    public double[] encoderGeneratorLosses() {
        return encoderGeneratorLosses.clone();
    }
}
