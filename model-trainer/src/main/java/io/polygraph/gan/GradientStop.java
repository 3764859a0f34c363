package io.polygraph.gan;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;

/**
 * The identity in the forward pass and a wall in the backward pass: no gradient flows from the
 * output of {@link #of} to its input.
 *
 * <p>Why: {@link AdversarialGraph} differentiates the sum of all players' losses. Where one
 * player's loss uses another player's output (a discriminator judging generated samples) or weights
 * (a generator matched against the discriminator's features), the path goes through a stop, so that
 * player's derivative of the sum equals the derivative of its own loss. SameDiff offers the op but
 * no factory method for it in 1.0.0-M2.1.
 */
public final class GradientStop {

    private GradientStop() {}

    /** {@code value} in the forward pass, with no gradient to {@code value}. */
    public static SDVariable of(SDVariable value) {
        return new StopGradient(value.getSameDiff(), value).outputVariable();
    }
}
