package io.polygraph.gan.bigan;

import io.polygraph.gan.AdversarialGraph;
import io.polygraph.gan.AdversarialLosses;
import io.polygraph.gan.DenseStack;
import io.polygraph.gan.GradientStop;
import io.polygraph.gan.Player;
import io.polygraph.train.GraphLayers;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * IGMM-BiGAN's training graph: encoder {@code E}, generator {@code G}, and the discriminator {@code
 * D(x, z)} on pairs ({@link PairDiscriminator}); two players, D and E+G.
 *
 * <p>The losses ({@code l(x, z)} D's logit, {@code z ~ N(0, I)}):
 *
 * <ul>
 *   <li>{@code L_D = E_x[softplus(-l(x, E(x)))] + E_z[softplus(l(G(z), z))]}: real pairs labelled
 *       1, generated pairs 0 (Donahue et al., 2017), with gradient stops on {@code E(x)} and {@code
 *       G(z)}, so that D's loss does not reach E or G.
 *   <li>{@code L_EG = E_x[softplus(l(x, E(x)))] + E_z[softplus(-l(G(z), z))] + w E_x[||x -
 *       G(E(x))||_2]}: the same cross-entropy with the labels swapped (the non-saturating form of
 *       BiGAN's minimax objective), through a frozen copy of D, plus the reconstruction term of the
 *       issue with weight {@link BiganConfig#reconstructionWeight()}.
 * </ul>
 *
 * <p>E and G are one player (one prefix, one Adam per variable, one step on the sum), as in BiGAN's
 * joint encoder/generator update. The Euclidean norm carries {@value #NORM_EPSILON} under its root
 * in training only: the norm's gradient is undefined where a row is reconstructed exactly.
 */
final class BiganGraph {

    static final String REAL = "bigan_x";
    static final String NOISE = "bigan_z";
    static final String DISCRIMINATOR_PREFIX = "bigan_d_";
    static final String ENCODER_GENERATOR_PREFIX = "bigan_eg_";
    static final String DISCRIMINATOR_LOSS = "bigan_loss_d";
    static final String ENCODER_GENERATOR_LOSS = "bigan_loss_eg";
    static final double NORM_EPSILON = 1e-8;

    final AdversarialGraph game;
    final Player discriminator;
    final Player encoderGenerator;
    final DenseStack encoderNetwork;
    final DenseStack generatorNetwork;
    final PairDiscriminator discriminatorNetwork;

    private BiganGraph(
            AdversarialGraph game,
            Player discriminator,
            Player encoderGenerator,
            DenseStack encoderNetwork,
            DenseStack generatorNetwork,
            PairDiscriminator discriminatorNetwork) {
        this.game = game;
        this.discriminator = discriminator;
        this.encoderGenerator = encoderGenerator;
        this.encoderNetwork = encoderNetwork;
        this.generatorNetwork = generatorNetwork;
        this.discriminatorNetwork = discriminatorNetwork;
    }

    static BiganGraph build(int width, BiganConfig config, SplittableRandom random) {
        SameDiff sd = SameDiff.create();
        GraphLayers layers = new GraphLayers(sd, random);
        int latent = config.latentWidth();
        SDVariable x = sd.placeHolder(REAL, DataType.FLOAT, -1, width);
        SDVariable z = sd.placeHolder(NOISE, DataType.FLOAT, -1, latent);
        DenseStack e = encoder(layers, width, config);
        DenseStack g = generator(layers, width, config);
        PairDiscriminator d =
                PairDiscriminator.create(
                        layers, DISCRIMINATOR_PREFIX, width, latent, config.discriminatorHidden());
        SDVariable encoded = e.apply(x);
        SDVariable generated = g.apply(z);

        AdversarialLosses.realVersusGenerated(
                        d.logits(x, GradientStop.of(encoded)),
                        d.logits(GradientStop.of(generated), z))
                .rename(DISCRIMINATOR_LOSS);
        PairDiscriminator frozen = d.frozen();
        // The swapped labels: generated pairs are to look real, real pairs generated.
        SDVariable adversarial =
                AdversarialLosses.realVersusGenerated(
                        frozen.logits(generated, z), frozen.logits(x, encoded));
        SDVariable reconstruction = sd.mean(rowDistances(x, g.apply(encoded), width, NORM_EPSILON));
        adversarial
                .add(reconstruction.mul(config.reconstructionWeight()))
                .rename(ENCODER_GENERATOR_LOSS);

        Player discriminator =
                new Player(
                        DISCRIMINATOR_PREFIX,
                        DISCRIMINATOR_LOSS,
                        config.learningRate(),
                        config.beta1());
        Player encoderGenerator =
                new Player(
                        ENCODER_GENERATOR_PREFIX,
                        ENCODER_GENERATOR_LOSS,
                        config.learningRate(),
                        config.beta1());
        AdversarialGraph game = new AdversarialGraph(sd, List.of(discriminator, encoderGenerator));
        return new BiganGraph(game, discriminator, encoderGenerator, e, g, d);
    }

    /** {@code E}: data to latent; leaky, like the discriminator, so that no input is ignored. */
    static DenseStack encoder(GraphLayers layers, int width, BiganConfig config) {
        return DenseStack.create(
                layers,
                ENCODER_GENERATOR_PREFIX + "e_",
                width,
                config.encoderHidden(),
                config.latentWidth(),
                DenseStack.Activation.LEAKY_RELU);
    }

    /** {@code G}: latent to data, a linear head onto the scaled data. */
    static DenseStack generator(GraphLayers layers, int width, BiganConfig config) {
        return DenseStack.create(
                layers,
                ENCODER_GENERATOR_PREFIX + "g_",
                config.latentWidth(),
                config.generatorHidden(),
                width,
                DenseStack.Activation.RELU);
    }

    /**
     * The Euclidean distance of each row of {@code a} to the same row of {@code b} ({@code width}
     * columns each), [rows, 1], with {@code epsilon} under the root.
     */
    static SDVariable rowDistances(SDVariable a, SDVariable b, int width, double epsilon) {
        SameDiff sd = a.getSameDiff();
        SDVariable difference = a.sub(b);
        // A row sum as a product with a column of ones: SameDiff 1.0.0-M2.1 fails on a reduction
        // along a dimension of size 1 (one-column data).
        SDVariable ones = sd.constant(Nd4j.ones(DataType.FLOAT, width, 1));
        SDVariable squares = sd.mmul(difference.mul(difference), ones);
        return sd.math.sqrt(epsilon == 0 ? squares : squares.add(epsilon));
    }
}
