package io.polygraph.train;

import io.polygraph.gan.bigan.BiganConfig;
import java.util.Objects;

/**
 * How {@link BiganDetectorTrainer} trains the {@code igmm-bigan} detector: the IGMM-BiGAN run
 * (networks and latent mixture) and the protocol CMAD's trainer follows (entity split,
 * recent-history window, target alert rate, seed).
 *
 * <p>IGMM-BiGAN is a one-class method: it always trains on the training entities' NORMAL records
 * only (the labels serve only to leave anomalies out, as in CMAD's default protocol). Example:
 * {@code BiganDetectorConfig.defaults().withEpochs(5).withSeed(7)}.
 *
 * @param gan the IGMM-BiGAN run (its seed and its mixture's seed are replaced by {@code seed})
 * @param heldOutShare share of entities held out for calibration and evaluation
 * @param recentLimit recent transactions summarised in the transaction features
 * @param targetAlertRate share of held-out normal records the threshold flags
 * @param seed root of the split and of every random choice of the networks and the mixture
 */
public record BiganDetectorConfig(
        BiganConfig gan, double heldOutShare, int recentLimit, double targetAlertRate, long seed) {

    /** The snapshot's name and the training configuration's {@code method}. */
    public static final String METHOD = "igmm-bigan";

    public BiganDetectorConfig {
        Objects.requireNonNull(gan, "gan");
        ConfigChecks.open("heldOutShare", heldOutShare, 0, 1);
        ConfigChecks.atLeast("recentLimit", recentLimit, 0);
        ConfigChecks.open("targetAlertRate", targetAlertRate, 0, 1);
        gan = gan.toBuilder().seed(seed).mixture(gan.mixture().withSeed(seed)).build();
    }

    /**
     * The library's IGMM-BiGAN ({@link BiganConfig#defaults()}, Adam at 1e-5, slow to learn) on raw
     * input scaling, on CMAD's default protocol. Raw for the reason {@link
     * MmocDetectorConfig#defaults()} gives: the concatenated row is already scaled block by block.
     */
    public static BiganDetectorConfig defaults() {
        TrainerConfig protocol = TrainerConfig.defaults();
        return new BiganDetectorConfig(
                BiganConfig.builder().inputScaling(InputScaling.RAW).build(),
                protocol.heldOutShare(),
                protocol.recentLimit(),
                protocol.targetAlertRate(),
                protocol.seed());
    }

    /** This configuration with another IGMM-BiGAN run. */
    public BiganDetectorConfig withGan(BiganConfig value) {
        return new BiganDetectorConfig(value, heldOutShare, recentLimit, targetAlertRate, seed);
    }

    /** This configuration with {@code value} epochs of the BiGAN networks. */
    public BiganDetectorConfig withEpochs(int value) {
        return withGan(gan.toBuilder().epochs(value).build());
    }

    /** This configuration with another target alert rate. */
    public BiganDetectorConfig withTargetAlertRate(double value) {
        return new BiganDetectorConfig(gan, heldOutShare, recentLimit, value, seed);
    }

    /** This configuration with another seed. */
    public BiganDetectorConfig withSeed(long value) {
        return new BiganDetectorConfig(gan, heldOutShare, recentLimit, targetAlertRate, value);
    }
}
