package io.polygraph.gan.bigan;

import io.polygraph.gan.DenseStack;
import io.polygraph.train.GraphLayers;
import io.polygraph.train.GraphLayers.Dense;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The BiGAN discriminator {@code D(x, z)} on (data, latent) pairs: a first hidden layer that joins
 * both, {@code leakyRelu(x W_x + b_x + z W_z + b_z)}, then a {@link DenseStack} down to one logit.
 *
 * <p>Why two layers summed rather than one layer on {@code concat(x, z)}: it is the same function
 * (the concatenation's weight matrix split by rows; the two biases add up to one), and SameDiff
 * 1.0.0-M2.1's concat misbehaved in gradients. Each half is initialised for its own fan-in, so the
 * joined layer starts with about twice the variance He initialisation would give the concatenation;
 * with leaky ReLUs and Adam that only shifts the first steps. Variables: {@code prefix + "x0_*"},
 * {@code prefix + "z0_*"} and the stack's under {@code prefix}; {@link #frozen} and {@link
 * #constantCopyIn} work as {@link DenseStack}'s.
 */
final class PairDiscriminator {

    private final Dense fromData;
    private final Dense fromLatent;
    private final DenseStack rest;

    private PairDiscriminator(Dense fromData, Dense fromLatent, DenseStack rest) {
        this.fromData = fromData;
        this.fromLatent = fromLatent;
        this.rest = rest;
    }

    /** A new discriminator for {@code width}-wide rows and {@code latentWidth}-wide codes. */
    static PairDiscriminator create(
            GraphLayers layers, String prefix, int width, int latentWidth, List<Integer> hidden) {
        int joined = hidden.get(0);
        return new PairDiscriminator(
                layers.dense(prefix + "x0", width, joined),
                layers.dense(prefix + "z0", latentWidth, joined),
                DenseStack.create(
                        layers,
                        prefix,
                        joined,
                        hidden.subList(1, hidden.size()),
                        1,
                        DenseStack.Activation.LEAKY_RELU));
    }

    /** The logits {@code D(x, z)}, [rows, 1]. */
    SDVariable logits(SDVariable x, SDVariable z) {
        SameDiff sd = x.getSameDiff();
        SDVariable joined = fromData.apply(x).add(fromLatent.apply(z));
        return rest.apply(sd.nn.leakyRelu(joined, DenseStack.LEAKY_SLOPE));
    }

    /** The same weights behind gradient stops: a loss through the copy does not move them. */
    PairDiscriminator frozen() {
        return new PairDiscriminator(
                DenseStack.frozen(fromData), DenseStack.frozen(fromLatent), rest.frozen());
    }

    /** The current weights as constants of {@code other}, under the same names. */
    PairDiscriminator constantCopyIn(SameDiff other) {
        return new PairDiscriminator(
                DenseStack.constantCopy(other, fromData),
                DenseStack.constantCopy(other, fromLatent),
                rest.constantCopyIn(other));
    }
}
