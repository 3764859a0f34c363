package io.polygraph.gan;

import io.polygraph.train.ConfigChecks;
import java.util.Objects;

/**
 * One network of an adversarial game: the variables it owns, the loss it minimises, and how fast
 * Adam moves it.
 *
 * <p>A player owns every trainable variable whose name starts with {@code prefix}; {@link
 * AdversarialGraph} checks that each trainable variable belongs to exactly one player. A network
 * with an auxiliary head (InfoGAN's Q sharing the discriminator's layers) is one player: its
 * variables get the same prefix. Example: {@code new Player("d_", "d_loss", 1e-3, 0.5)}.
 *
 * @param prefix name prefix of the player's variables
 * @param lossName name of the scalar loss variable the player minimises
 * @param learningRate Adam's step size
 * @param beta1 Adam's first-moment decay; GANs usually take 0.5 (DCGAN) rather than 0.9, so that
 *     momentum does not carry a player past a moving opponent
 */
public record Player(String prefix, String lossName, double learningRate, double beta1) {

    /** Adam's second-moment decay, the usual value. */
    public static final double BETA2 = 0.999;

    /** Adam's epsilon, the usual value. */
    public static final double EPSILON = 1e-8;

    public Player {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(lossName, "lossName");
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("a player's prefix must not be empty");
        }
        ConfigChecks.open("learningRate of player " + prefix, learningRate, 0, 1);
        ConfigChecks.closed("beta1 of player " + prefix, beta1, 0, 0.99);
    }

    /** Whether the variable named {@code variableName} belongs to this player. */
    boolean owns(String variableName) {
        return variableName.startsWith(prefix);
    }
}
