package io.polygraph.gan;

import io.polygraph.train.GraphLayers;
import io.polygraph.train.GraphLayers.Dense;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A multilayer perceptron as SameDiff operations: hidden layers with a nonlinearity, then a linear
 * head; the same weights can be applied to several inputs (real and generated rows).
 *
 * <p>Layer {@code k}'s variables are {@code prefix + "h" + k + "_w"} and {@code "_b"}, the head's
 * {@code prefix + "out_w"} and {@code "_b"}, so that a player's prefix covers them all. {@link
 * #frozen} gives the same weights behind a {@link GradientStop}, for a path on which another player
 * learns through this network without moving it; {@link #constantCopyIn} copies the current weights
 * into another graph as constants (a fixed target network, an inference graph). Weights are
 * initialised by {@link GraphLayers#dense} (He, from the caller's seeded stream).
 */
public final class DenseStack {

    /** Slope of the leaky ReLU for negative inputs, DCGAN's choice for discriminators. */
    public static final double LEAKY_SLOPE = 0.2;

    /** The nonlinearity of the hidden layers. */
    public enum Activation {
        /** {@code max(0, x)}: generators. */
        RELU,
        /**
         * {@code max(0.2 x, x)}: discriminators, so that no unit dies and gradients reach the
         * generator from everywhere.
         */
        LEAKY_RELU;

        SDVariable apply(SDVariable x) {
            SameDiff sd = x.getSameDiff();
            return this == RELU ? sd.nn.relu(x, 0.0) : sd.nn.leakyRelu(x, LEAKY_SLOPE);
        }
    }

    private final List<Dense> hidden;
    private final Dense head;
    private final Activation activation;

    private DenseStack(List<Dense> hidden, Dense head, Activation activation) {
        this.hidden = List.copyOf(hidden);
        this.head = head;
        this.activation = activation;
    }

    /**
     * A new stack {@code input -> hidden[0] -> ... -> output}, its variables named after {@code
     * prefix}.
     */
    public static DenseStack create(
            GraphLayers layers,
            String prefix,
            int input,
            List<Integer> hiddenWidths,
            int output,
            Activation activation) {
        List<Dense> hidden = new ArrayList<>();
        int width = input;
        for (int k = 0; k < hiddenWidths.size(); k++) {
            hidden.add(layers.dense(prefix + "h" + k, width, hiddenWidths.get(k)));
            width = hiddenWidths.get(k);
        }
        return new DenseStack(hidden, layers.dense(prefix + "out", width, output), activation);
    }

    /**
     * The last hidden layer's activations for {@code x} ({@code x} itself with no hidden layer).
     */
    public SDVariable hidden(SDVariable x) {
        SDVariable h = x;
        for (Dense layer : hidden) {
            h = activation.apply(layer.apply(h));
        }
        return h;
    }

    /** The linear head applied to activations from {@link #hidden}. */
    public SDVariable head(SDVariable hiddenActivations) {
        return head.apply(hiddenActivations);
    }

    /** The whole stack applied to {@code x}. */
    public SDVariable apply(SDVariable x) {
        return head(hidden(x));
    }

    /** The same weights behind a {@link GradientStop}: no loss through the copy moves them. */
    public DenseStack frozen() {
        return new DenseStack(
                hidden.stream().map(DenseStack::frozen).toList(), frozen(head), activation);
    }

    /** {@code layer}'s weights behind a {@link GradientStop}. */
    public static Dense frozen(Dense layer) {
        return new Dense(GradientStop.of(layer.weights()), GradientStop.of(layer.bias()));
    }

    /** The current weights as constants of {@code other}, under the same names. */
    public DenseStack constantCopyIn(SameDiff other) {
        return new DenseStack(
                hidden.stream().map(layer -> constantCopy(other, layer)).toList(),
                constantCopy(other, head),
                activation);
    }

    /** {@code layer}'s current weights as constants of {@code other}, under the same names. */
    public static Dense constantCopy(SameDiff other, Dense layer) {
        return new Dense(constantCopy(other, layer.weights()), constantCopy(other, layer.bias()));
    }

    private static SDVariable constantCopy(SameDiff other, SDVariable variable) {
        return other.constant(variable.name(), variable.getArr().dup());
    }
}
