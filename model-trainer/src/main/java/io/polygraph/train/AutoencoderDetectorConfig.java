package io.polygraph.train;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.polygraph.unsupervised.SelectionConfig;
import java.util.List;
import java.util.Objects;

/**
 * How {@link AutoencoderDetectorTrainer} trains the {@code autoencoder} detector: the network, the
 * number of epochs, whether DUAD selects its training rows, and the protocol CMAD's trainer follows
 * (entity split, recent-history window, target alert rate, seed).
 *
 * <p>Plain ({@code duad} null): the autoencoder trains {@code epochs} epochs on the training
 * entities' records, their NORMAL ones only when {@code trainOnNormalOnly} (the labels then serve
 * only to leave anomalies out, as in CMAD's default protocol). DUAD ({@code duad} set): it trains
 * on every training record, contaminated and unlabelled, in rounds of {@link
 * SelectionConfig#reselectEvery()} epochs on the subset DUAD selects; {@code epochs} caps the whole
 * run, so at most {@code max(1, epochs / reselectEvery)} rounds, and {@code trainOnNormalOnly} is
 * not read. Example: {@code AutoencoderDetectorConfig.defaults().withDuad(SelectionConfig
 * .defaults().withReselectEvery(5))}.
 *
 * @param network the dense autoencoder (its seed is replaced by {@code seed})
 * @param epochs training epochs (plain), or the cap on them (DUAD)
 * @param duad DUAD's selection schedule, or null to train plainly
 * @param heldOutShare share of entities held out for calibration and evaluation
 * @param recentLimit recent transactions summarised in the transaction features
 * @param trainOnNormalOnly plain training: whether anomalies are left out of the training records
 * @param targetAlertRate share of held-out normal records the threshold flags
 * @param seed root of the split, the network and DUAD's clusterings
 */
public record AutoencoderDetectorConfig(
        AutoencoderConfig network,
        int epochs,
        SelectionConfig duad,
        double heldOutShare,
        int recentLimit,
        boolean trainOnNormalOnly,
        double targetAlertRate,
        long seed) {

    /** {@link #method()} of a plainly trained autoencoder. */
    public static final String PLAIN = "autoencoder";

    /** {@link #method()} of an autoencoder trained by DUAD's normal-subset selection. */
    public static final String DUAD = "duad";

    public AutoencoderDetectorConfig {
        Objects.requireNonNull(network, "network");
        ConfigChecks.atLeast("epochs", epochs, 1);
        ConfigChecks.open("heldOutShare", heldOutShare, 0, 1);
        ConfigChecks.atLeast("recentLimit", recentLimit, 0);
        ConfigChecks.open("targetAlertRate", targetAlertRate, 0, 1);
        network = network.withSeed(seed);
        duad = duad == null ? null : duad.withSeed(seed);
    }

    /**
     * The world baseline's concatenated autoencoder ({@code d -> 128 -> 16}, batches of 128, Adam
     * 1e-3, no dropout, L2 1e-5), 20 epochs, trained plainly, on CMAD's default protocol.
     */
    public static AutoencoderDetectorConfig defaults() {
        TrainerConfig protocol = TrainerConfig.defaults();
        return new AutoencoderDetectorConfig(
                new AutoencoderConfig(List.of(128), 16, 128, 1e-3, 0.0, 1e-5, 0),
                20,
                null,
                protocol.heldOutShare(),
                protocol.recentLimit(),
                protocol.trainOnNormalOnly(),
                protocol.targetAlertRate(),
                protocol.seed());
    }

    /**
     * DUAD's selection for the default world: the paper's clustering and drop shares (20
     * components, p0 35 %, p 30 %), re-selecting every 5 epochs, so that the default 20 epochs
     * allow 4 rounds.
     */
    public static SelectionConfig defaultSelection() {
        return SelectionConfig.defaults().withReselectEvery(5);
    }

    /** "autoencoder" when trained plainly, "duad" when DUAD selected the training rows. */
    @JsonIgnore
    public String method() {
        return duad == null ? PLAIN : DUAD;
    }

    /** DUAD's schedule with its rounds capped by {@link #epochs}; null when training plainly. */
    SelectionConfig cappedSelection() {
        return duad == null ? null : duad.withMaxRounds(Math.max(1, epochs / duad.reselectEvery()));
    }

    /** This configuration trained by DUAD with {@code selection} (null: plainly). */
    public AutoencoderDetectorConfig withDuad(SelectionConfig selection) {
        return new AutoencoderDetectorConfig(
                network,
                epochs,
                selection,
                heldOutShare,
                recentLimit,
                trainOnNormalOnly,
                targetAlertRate,
                seed);
    }

    /** This configuration with another network. */
    public AutoencoderDetectorConfig withNetwork(AutoencoderConfig value) {
        return new AutoencoderDetectorConfig(
                value,
                epochs,
                duad,
                heldOutShare,
                recentLimit,
                trainOnNormalOnly,
                targetAlertRate,
                seed);
    }

    /** This configuration with another number of epochs. */
    public AutoencoderDetectorConfig withEpochs(int value) {
        return new AutoencoderDetectorConfig(
                network,
                value,
                duad,
                heldOutShare,
                recentLimit,
                trainOnNormalOnly,
                targetAlertRate,
                seed);
    }

    /** This configuration with another target alert rate. */
    public AutoencoderDetectorConfig withTargetAlertRate(double value) {
        return new AutoencoderDetectorConfig(
                network, epochs, duad, heldOutShare, recentLimit, trainOnNormalOnly, value, seed);
    }

    /** This configuration with another seed. */
    public AutoencoderDetectorConfig withSeed(long value) {
        return new AutoencoderDetectorConfig(
                network,
                epochs,
                duad,
                heldOutShare,
                recentLimit,
                trainOnNormalOnly,
                targetAlertRate,
                value);
    }
}
