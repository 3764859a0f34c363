package io.polygraph.gan.bigan;

import io.polygraph.mixture.MixtureConfig;
import io.polygraph.train.ConfigChecks;
import io.polygraph.train.InputScaling;
import java.util.List;
import java.util.Objects;

/**
 * Everything that determines an IGMM-BiGAN training run ({@link BiganTrainer}).
 *
 * <p>Defaults ({@link #defaults()}), from the issue: Adam with step {@code 1e-5} and {@code beta1 =
 * 0.5} for every network, the mixture's paper values ({@link MixtureConfig#defaults()}: 500 sweeps,
 * 300 burn-in, a sample every 50, clusters of at most 50 points dropped). Chosen here: an encoder
 * {@code d -> 128 -> 128 -> 16}, a generator {@code 16 -> 128 -> 128 -> d}, a discriminator whose
 * first hidden layer (128) joins {@code x} and {@code z}, then {@code 128 -> 1}; reconstruction
 * weight 1, EGBAD's {@code alpha = 0.9}, batches of 100, 50 epochs. With the default step, a small
 * data set needs many epochs: {@code 1e-5} is the value for full-size runs, not a value
 * that learns in a few hundred steps. Example: {@code
 * BiganConfig.builder().latentWidth(8).learningRate(1e-3).epochs(20).seed(7).build()}.
 *
 * @param encoderHidden widths of the encoder's hidden layers
 * @param generatorHidden widths of the generator's hidden layers
 * @param discriminatorHidden widths of the discriminator's hidden layers, at least one: the first
 *     joins {@code x} and {@code z}
 * @param latentWidth width of the latent space (encoder output, generator input, mixture dimension)
 * @param reconstructionWeight weight of {@code ||x - G(E(x))||_2} in the encoder/generator loss
 * @param egbadWeight EGBAD's {@code alpha}: its score is {@code alpha ||x - G(E(x))|| + (1 -
 *     alpha)} times the discriminator's cross-entropy, in [0, 1]
 * @param batchSize real rows per step (as many noise rows)
 * @param epochs passes over the training rows
 * @param learningRate Adam's step size, every network
 * @param beta1 Adam's first-moment decay, every network
 * @param inputScaling how rows are scaled before the networks see them (stored in the model)
 * @param mixture the infinite Gaussian mixture fitted to the encoded training rows (its own seed)
 * @param seed root of every random choice of the network training
 */
public record BiganConfig(
        List<Integer> encoderHidden,
        List<Integer> generatorHidden,
        List<Integer> discriminatorHidden,
        int latentWidth,
        double reconstructionWeight,
        double egbadWeight,
        int batchSize,
        int epochs,
        double learningRate,
        double beta1,
        InputScaling inputScaling,
        MixtureConfig mixture,
        long seed) {

    /** Largest reconstruction weight accepted: beyond it the adversarial terms would not count. */
    public static final double MAX_RECONSTRUCTION_WEIGHT = 100;

    /** Largest {@code beta1} accepted (as {@link io.polygraph.gan.Player} does). */
    public static final double MAX_BETA1 = 0.99;

    public BiganConfig {
        encoderHidden = widths("encoderHidden", encoderHidden);
        generatorHidden = widths("generatorHidden", generatorHidden);
        discriminatorHidden = widths("discriminatorHidden", discriminatorHidden);
        if (discriminatorHidden.isEmpty()) {
            throw new IllegalArgumentException(
                    "discriminatorHidden needs at least one layer: D(x, z) joins x and z in its"
                            + " first hidden layer");
        }
        ConfigChecks.atLeast("latentWidth", latentWidth, 1);
        ConfigChecks.closed(
                "reconstructionWeight", reconstructionWeight, 0, MAX_RECONSTRUCTION_WEIGHT);
        ConfigChecks.closed("egbadWeight (alpha)", egbadWeight, 0, 1);
        ConfigChecks.atLeast("batchSize", batchSize, 2);
        ConfigChecks.atLeast("epochs", epochs, 1);
        ConfigChecks.open("learningRate", learningRate, 0, 1);
        ConfigChecks.closed("beta1", beta1, 0, MAX_BETA1);
        Objects.requireNonNull(inputScaling, "inputScaling");
        Objects.requireNonNull(mixture, "mixture");
    }

    /** The defaults described above. */
    public static BiganConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static BiganConfigBuilder builder() {
        return new BiganConfigBuilder();
    }

    /** A builder starting from this configuration. */
    public BiganConfigBuilder toBuilder() {
        return new BiganConfigBuilder(this);
    }

    private static List<Integer> widths(String name, List<Integer> widths) {
        List<Integer> copy = List.copyOf(Objects.requireNonNull(widths, name));
        for (int width : copy) {
            ConfigChecks.atLeast(name + " layer width", width, 1);
        }
        return copy;
    }
}
