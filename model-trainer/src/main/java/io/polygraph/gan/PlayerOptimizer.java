package io.polygraph.gan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Adam applied by hand to one player's variables, with moments and step count of its own.
 *
 * <p>Why by hand: SameDiff's own updater state belongs to {@code fit}, which updates every
 * trainable variable. Here each variable has an ND4J {@link GradientUpdater} over a state array of
 * ours; ND4J's Adam updates a [1, n] view in place, so each gradient is flattened to one row,
 * turned into a step, and subtracted from the variable. The step count (Adam's bias correction)
 * advances once per {@link #step}, so a player that steps less often than its opponent is still
 * corrected for its own number of updates.
 */
final class PlayerOptimizer {

    private final Player player;
    private final Map<String, GradientUpdater> updaters = new LinkedHashMap<>();
    private int iteration;

    PlayerOptimizer(SameDiff sd, Player player, List<String> variableNames) {
        this.player = player;
        Adam adam = new Adam(player.learningRate(), player.beta1(), Player.BETA2, Player.EPSILON);
        for (String name : variableNames) {
            long length = sd.getArrForVarName(name).length();
            INDArray state = Nd4j.zeros(DataType.FLOAT, 1, adam.stateSize(length));
            updaters.put(name, adam.instantiate(state, true));
        }
    }

    /** The names of the variables this optimizer moves, in graph order. */
    List<String> variableNames() {
        return List.copyOf(updaters.keySet());
    }

    /** One Adam step of every variable, from the gradients of the player's loss. */
    void step(SameDiff sd, Map<String, INDArray> gradients) {
        for (Map.Entry<String, GradientUpdater> entry : updaters.entrySet()) {
            INDArray gradient = gradients.get(entry.getKey());
            if (gradient == null) {
                throw new IllegalStateException(
                        "the loss "
                                + player.lossName()
                                + " of player "
                                + player.prefix()
                                + " has no gradient for its variable "
                                + entry.getKey()
                                + ": it does not reach that variable");
            }
            INDArray parameter = sd.getArrForVarName(entry.getKey());
            INDArray update = gradient.dup().reshape(1, gradient.length());
            entry.getValue().applyUpdater(update, iteration, 0);
            parameter.subi(update.reshape(parameter.shape()));
        }
        iteration++;
    }
}
