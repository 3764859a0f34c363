package io.polygraph.gan.mmoc;

import io.polygraph.train.ConfigChecks;
import io.polygraph.train.InputScaling;
import java.util.List;
import java.util.Objects;

/**
 * Everything that determines an MMOC-GAN training run ({@link MmocTrainer}).
 *
 * <p>Defaults ({@link #defaults()}) are the paper's sizes: a discriminator {@code d -> 128 -> 128
 * -> 1} (a 4-layer MLP) with the code head Q on its last hidden layer, a generator {@code noise ->
 * 128 -> d} (3 layers), batches of 100, {@code m = 10} codes, {@code lambda = 0.03} for {@code
 * L_sigma}. From OCAN's public code: the entropy term's weight 1.85. Chosen here: noise width 50
 * (OCAN's), Adam with step 1e-3 and {@code beta1 = 0.5} for every network, the density threshold
 * epsilon at the 5th percentile of the normal rows' target density, 50 epochs and 20 for the target
 * network. Example: {@code MmocConfig.builder().codes(5).epochs(20).seed(7).build()}.
 *
 * @param discriminatorHidden widths of the discriminator's hidden layers (and the target
 *     network's), at least one (feature matching and the code head use the last), each at least 2
 * @param generatorHidden widths of the generator's hidden layers
 * @param noiseWidth width of the generator's noise {@code z}
 * @param codes {@code m}, the number of latent codes
 * @param codeInput how the generator combines noise and code
 * @param sigmaWeight {@code lambda} of {@code L_sigma} (used with {@link CodeInput#MIXTURE})
 * @param entropyWeight weight of the entropy of the discriminator's output on real rows in its loss
 * @param densityPercentile epsilon is this percentile of the target network's density on the
 *     training rows; generated rows denser than epsilon are pushed away (in (0, 100))
 * @param batchSize real rows per step (as many generated rows)
 * @param epochs passes over the training rows of the complementary GAN
 * @param targetEpochs passes over the training rows of the target network (density estimate)
 * @param learningRate Adam's step size, every network
 * @param thresholdRule how the alert threshold is chosen
 * @param inputScaling how rows are scaled before the networks see them (stored in the model)
 * @param seed root of every random choice of the run
 */
public record MmocConfig(
        List<Integer> discriminatorHidden,
        List<Integer> generatorHidden,
        int noiseWidth,
        int codes,
        CodeInput codeInput,
        double sigmaWeight,
        double entropyWeight,
        double densityPercentile,
        int batchSize,
        int epochs,
        int targetEpochs,
        double learningRate,
        ThresholdRule thresholdRule,
        InputScaling inputScaling,
        long seed) {

    /** Adam's first-moment decay for every network (DCGAN's choice). */
    public static final double BETA1 = 0.5;

    /** Largest weight accepted for a loss term: beyond it one term would swamp the others. */
    public static final double MAX_TERM_WEIGHT = 100;

    public MmocConfig {
        // The pull-away term sums over the columns of a discriminator-shaped hidden layer, and
        // SameDiff 1.0.0-M2.1 fails on a sum over a single column.
        discriminatorHidden = widths("discriminatorHidden", discriminatorHidden, 2);
        generatorHidden = widths("generatorHidden", generatorHidden, 1);
        if (discriminatorHidden.isEmpty()) {
            throw new IllegalArgumentException(
                    "discriminatorHidden needs at least one layer: feature matching and the code"
                            + " head Q read the discriminator's last hidden layer");
        }
        ConfigChecks.atLeast("noiseWidth", noiseWidth, 1);
        ConfigChecks.atLeast("codes (m)", codes, 1);
        Objects.requireNonNull(codeInput, "codeInput");
        ConfigChecks.closed("sigmaWeight (lambda)", sigmaWeight, 0, MAX_TERM_WEIGHT);
        ConfigChecks.closed("entropyWeight", entropyWeight, 0, MAX_TERM_WEIGHT);
        ConfigChecks.open("densityPercentile", densityPercentile, 0, 100);
        ConfigChecks.atLeast("batchSize", batchSize, 2);
        ConfigChecks.atLeast("epochs", epochs, 1);
        ConfigChecks.atLeast("targetEpochs", targetEpochs, 1);
        ConfigChecks.open("learningRate", learningRate, 0, 1);
        Objects.requireNonNull(thresholdRule, "thresholdRule");
        Objects.requireNonNull(inputScaling, "inputScaling");
    }

    /** The paper's sizes and the defaults described above. */
    public static MmocConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static MmocConfigBuilder builder() {
        return new MmocConfigBuilder();
    }

    /** A builder starting from this configuration. */
    public MmocConfigBuilder toBuilder() {
        return new MmocConfigBuilder(this);
    }

    private static List<Integer> widths(String name, List<Integer> widths, int minimum) {
        List<Integer> copy = List.copyOf(Objects.requireNonNull(widths, name));
        for (int width : copy) {
            ConfigChecks.atLeast(name + " layer width", width, minimum);
        }
        return copy;
    }
}
