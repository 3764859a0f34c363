package io.polygraph.train;

import io.polygraph.gan.mmoc.MmocConfig;
import java.util.Objects;

/**
 * How {@link MmocDetectorTrainer} trains the {@code mmoc} detector: the MMOC-GAN run and the
 * protocol CMAD's trainer follows (entity split, recent-history window, target alert rate, seed).
 *
 * <p>MMOC-GAN is a one-class method: it always trains on the training entities' NORMAL records only
 * (the labels serve only to leave anomalies out, as in CMAD's default protocol). Example: {@code
 * MmocDetectorConfig.defaults().withEpochs(5).withSeed(7)}.
 *
 * @param gan the MMOC-GAN run (its seed is replaced by {@code seed})
 * @param heldOutShare share of entities held out for calibration and evaluation
 * @param recentLimit recent transactions summarised in the transaction features
 * @param targetAlertRate share of held-out normal records the threshold flags
 * @param seed root of the split and of every random choice of the GAN
 */
public record MmocDetectorConfig(
        MmocConfig gan, double heldOutShare, int recentLimit, double targetAlertRate, long seed) {

    /** The snapshot's name and the training configuration's {@code method}. */
    public static final String METHOD = "mmoc";

    public MmocDetectorConfig {
        Objects.requireNonNull(gan, "gan");
        ConfigChecks.open("heldOutShare", heldOutShare, 0, 1);
        ConfigChecks.atLeast("recentLimit", recentLimit, 0);
        ConfigChecks.open("targetAlertRate", targetAlertRate, 0, 1);
        gan = gan.toBuilder().seed(seed).build();
    }

    /**
     * The paper's MMOC-GAN ({@link MmocConfig#defaults()}) on raw input scaling, on CMAD's default
     * protocol. Raw because the concatenated row is already scaled block by block (standardised
     * tabular features, signature blocks with one common factor each), and per-column
     * standardisation would blow up rarely inked signature pixels ({@link InputScaling}).
     */
    public static MmocDetectorConfig defaults() {
        TrainerConfig protocol = TrainerConfig.defaults();
        return new MmocDetectorConfig(
                MmocConfig.builder().inputScaling(InputScaling.RAW).build(),
                protocol.heldOutShare(),
                protocol.recentLimit(),
                protocol.targetAlertRate(),
                protocol.seed());
    }

    /** This configuration with another MMOC-GAN run. */
    public MmocDetectorConfig withGan(MmocConfig value) {
        return new MmocDetectorConfig(value, heldOutShare, recentLimit, targetAlertRate, seed);
    }

    /**
     * This configuration with {@code value} epochs for both networks trained: the complementary GAN
     * and its target network (one knob, as for the members of a combination).
     */
    public MmocDetectorConfig withEpochs(int value) {
        return withGan(gan.toBuilder().epochs(value).targetEpochs(value).build());
    }

    /** This configuration with another target alert rate. */
    public MmocDetectorConfig withTargetAlertRate(double value) {
        return new MmocDetectorConfig(gan, heldOutShare, recentLimit, value, seed);
    }

    /** This configuration with another seed. */
    public MmocDetectorConfig withSeed(long value) {
        return new MmocDetectorConfig(gan, heldOutShare, recentLimit, targetAlertRate, value);
    }
}
