package io.polygraph.gan;

import io.polygraph.train.PairGraphs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A SameDiff graph holding several players' networks and losses, trained by alternating steps in
 * which one player moves and the others stay exactly where they are.
 *
 * <p>Contract: every trainable variable of the graph belongs to exactly one {@link Player} (by name
 * prefix), and every player owns at least one; the constructor fails otherwise, naming the
 * variable. All players' losses are declared as the graph's loss variables once, and the gradient
 * graph is built once. {@link #step} differentiates the <em>sum</em> of all losses with respect to
 * one player's variables (SameDiff always sums its loss variables) and applies that player's Adam
 * ({@link PlayerOptimizer}); it is the player's own gradient only if the graph builder put a {@link
 * GradientStop} on every path from another player's loss to this player's variables. Other players'
 * variables are never written by a step. Deterministic: no randomness here (noise and batches are
 * the caller's placeholders). Not thread-safe.
 *
 * <p>Usage: {@code AdversarialGraph game = new AdversarialGraph(sd, List.of(discriminator,
 * generator)); for (...) { game.step(discriminator, feed); game.step(generator, feed); }}
 */
public final class AdversarialGraph {

    private final SameDiff sd;
    private final Map<Player, PlayerOptimizer> optimizers = new LinkedHashMap<>();

    /**
     * Takes over {@code sd}, whose loss variables it sets to the players' losses.
     *
     * @throws IllegalArgumentException when a trainable variable belongs to no player or to two, a
     *     player owns no variable, or a player's loss is not in the graph
     */
    public AdversarialGraph(SameDiff sd, List<Player> players) {
        this.sd = Objects.requireNonNull(sd, "sd");
        if (players.isEmpty()) {
            throw new IllegalArgumentException("an adversarial graph needs at least one player");
        }
        Map<Player, List<String>> owned = ownership(sd, players);
        List<String> losses = new ArrayList<>();
        for (Player player : players) {
            if (sd.getVariable(player.lossName()) == null) {
                throw new IllegalArgumentException(
                        "player " + player.prefix() + " has no loss " + player.lossName());
            }
            losses.add(player.lossName());
            optimizers.put(player, new PlayerOptimizer(sd, player, owned.get(player)));
        }
        sd.setLossVariables(losses.toArray(String[]::new));
        PairGraphs.createGradientQuietly(sd);
    }

    /**
     * One Adam step of {@code player} on the batch given by {@code placeholders} (every placeholder
     * the player's loss needs).
     *
     * @return the player's loss on this batch, before the step
     */
    public double step(Player player, Map<String, INDArray> placeholders) {
        PlayerOptimizer optimizer = optimizer(player);
        OutAndGrad result =
                sd.calculateGradientsAndOutputs(
                        placeholders, List.of(player.lossName()), optimizer.variableNames());
        optimizer.step(sd, result.getGradients());
        return result.getOutputs().get(player.lossName()).getDouble(0);
    }

    /**
     * The gradient that {@link #step} would follow, by variable name, without stepping: the
     * derivative of the sum of all losses with respect to {@code player}'s variables.
     */
    public Map<String, INDArray> gradients(Player player, Map<String, INDArray> placeholders) {
        return sd.calculateGradients(placeholders, optimizer(player).variableNames());
    }

    /** The values of {@code outputs} for the given placeholders; trains nothing. */
    public Map<String, INDArray> output(Map<String, INDArray> placeholders, String... outputs) {
        return sd.output(placeholders, outputs);
    }

    /** The names of the variables {@code player} owns, in graph order. */
    public List<String> variableNames(Player player) {
        return optimizer(player).variableNames();
    }

    /** The underlying graph, for reading weights; changing it voids this class's contract. */
    public SameDiff graph() {
        return sd;
    }

    private PlayerOptimizer optimizer(Player player) {
        PlayerOptimizer optimizer = optimizers.get(player);
        if (optimizer == null) {
            throw new IllegalArgumentException("not a player of this graph: " + player);
        }
        return optimizer;
    }

    private static Map<Player, List<String>> ownership(SameDiff sd, List<Player> players) {
        Map<Player, List<String>> owned = new LinkedHashMap<>();
        players.forEach(player -> owned.put(player, new ArrayList<>()));
        for (SDVariable variable : sd.variables()) {
            if (variable.getVariableType() != VariableType.VARIABLE) {
                continue;
            }
            List<Player> owners = players.stream().filter(p -> p.owns(variable.name())).toList();
            if (owners.size() != 1) {
                throw new IllegalArgumentException(
                        "trainable variable "
                                + variable.name()
                                + " must belong to exactly one player, belongs to "
                                + owners.stream().map(Player::prefix).toList());
            }
            owned.get(owners.get(0)).add(variable.name());
        }
        owned.forEach(
                (player, names) -> {
                    if (names.isEmpty()) {
                        throw new IllegalArgumentException(
                                "player " + player.prefix() + " owns no trainable variable");
                    }
                });
        return owned;
    }
}
