package io.polygraph.gan;

import java.util.List;

/**
 * The mean loss of each player over each epoch of an {@link AlternatingTraining} run, each batch's
 * loss taken just before that player's step on it.
 */
public final class EpochLosses {

    private final List<Player> players;
    private final double[][] means;

    EpochLosses(List<Player> players, double[][] means) {
        this.players = List.copyOf(players);
        this.means = means;
    }

    /** {@code player}'s mean loss per epoch, first epoch first. */
    public double[] of(Player player) {
        int index = players.indexOf(player);
        if (index < 0) {
            throw new IllegalArgumentException("not a player of this run: " + player);
        }
        return means[index].clone();
    }
}
