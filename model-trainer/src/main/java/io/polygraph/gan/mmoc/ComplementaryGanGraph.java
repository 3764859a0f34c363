package io.polygraph.gan.mmoc;

import io.polygraph.gan.AdversarialGraph;
import io.polygraph.gan.AdversarialLosses;
import io.polygraph.gan.DenseStack;
import io.polygraph.gan.GradientStop;
import io.polygraph.gan.Player;
import io.polygraph.train.GraphLayers;
import io.polygraph.train.GraphLayers.Dense;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * MMOC-GAN's training graph: a complementary generator with latent codes, a discriminator with the
 * code head Q, and the fixed target network.
 *
 * <p>The losses, as implemented (D, G, Q, T the discriminator, generator, code head and target
 * network; {@code h} D's last hidden layer, {@code h_T} T's; {@code l} a logit, {@code p =
 * sigmoid(l)}):
 *
 * <ul>
 *   <li>{@code L_D = -E_x[log p_D(x)] - E_G[log(1 - p_D(G))] + w_ent E_x[H(p_D(x))] + L_MI}: the
 *       real-versus-generated cross-entropy, plus OCAN's conditional-entropy term on real rows
 *       (binary entropy, weight {@link MmocConfig#entropyWeight()}), plus the code head's part of
 *       InfoGAN's mutual-information loss. Q shares D's hidden layers, so it is trained with D.
 *   <li>{@code L_G = L_fm + L_pt + L_KL + L_MI (+ L_sigma)}, each term weighted 1 as in the issue:
 *       {@code L_fm = |E_x[h(x)] - E_G[h(G)]|^2}; {@code L_pt} the pull-away term on {@code
 *       h_T(G)}; {@code L_KL = E_G[log p_T(G) 1(p_T(G) > epsilon)]}; {@code L_MI = -E[log Q(c |
 *       G(z, c))]}; {@code L_sigma} see {@link CodeInput#MIXTURE}.
 * </ul>
 *
 * <p>{@code L_KL} is OCAN's {@code -H(p_G) + E_G[log p_T 1(p_T > epsilon)]} with the entropy part
 * carried by {@code L_pt}: minimising it lowers the target density of generated rows that are still
 * denser than epsilon, and leaves the others alone. The indicator is behind a {@link GradientStop}
 * (it has no useful gradient) and is evaluated in logit space ({@code l_T > logit epsilon}), which
 * is the same comparison without saturating at 0 or 1.
 *
 * <p>Deviations from OCAN's public code: following the issue, feature matching on D's last hidden
 * layer rather than on its logits, and the squared rather than the Euclidean distance of the means;
 * epsilon a percentile of the normal rows' target density rather than the midpoint of the batch's
 * largest and smallest {@code p_T}; Adam for every network (OCAN: plain gradient descent for D);
 * Gaussian rather than uniform noise. Against the reading of OCAN, the target network is a
 * classifier of normal rows against a broad reference, not a GAN's discriminator: see {@link
 * DensityTargetGraph} for the measurement behind it. Where OCAN's paper leaves the representation
 * of the pull-away term open, this follows its code (the target network's hidden layer), which does
 * not move while G learns. The MI term is InfoGAN's, with weight 1 in both losses; one code ({@code
 * m = 1}) makes it 0.
 */
final class ComplementaryGanGraph {

    static final String REAL = "mmoc_x";
    static final String NOISE = "mmoc_z";
    static final String CODES = "mmoc_codes";
    static final String GENERATED = "mmoc_generated";
    static final String REAL_CODE_PROBABILITIES = "mmoc_q_real";
    static final String DISCRIMINATOR_PREFIX = "mmoc_d_";
    static final String GENERATOR_PREFIX = "mmoc_g_";
    static final String DISCRIMINATOR_LOSS = "mmoc_loss_d";
    static final String GENERATOR_LOSS = "mmoc_loss_g";

    final AdversarialGraph game;
    final Player discriminator;
    final Player generator;
    final DenseStack discriminatorNetwork;

    private ComplementaryGanGraph(
            AdversarialGraph game,
            Player discriminator,
            Player generator,
            DenseStack discriminatorNetwork) {
        this.game = game;
        this.discriminator = discriminator;
        this.generator = generator;
        this.discriminatorNetwork = discriminatorNetwork;
    }

    /**
     * @param target the trained target discriminator (copied in as constants)
     * @param epsilonLogit the density threshold epsilon, as a target logit
     */
    static ComplementaryGanGraph build(
            int width,
            MmocConfig config,
            DenseStack target,
            double epsilonLogit,
            SplittableRandom random) {
        SameDiff sd = SameDiff.create();
        GraphLayers layers = new GraphLayers(sd, random);
        SDVariable x = sd.placeHolder(REAL, DataType.FLOAT, -1, width);
        SDVariable z = sd.placeHolder(NOISE, DataType.FLOAT, -1, config.noiseWidth());
        SDVariable codes = sd.placeHolder(CODES, DataType.FLOAT, -1, config.codes());
        List<Integer> dHidden = config.discriminatorHidden();
        DenseStack d =
                DenseStack.create(
                        layers,
                        DISCRIMINATOR_PREFIX,
                        width,
                        dHidden,
                        1,
                        DenseStack.Activation.LEAKY_RELU);
        Dense q =
                layers.dense(
                        DISCRIMINATOR_PREFIX + "q",
                        dHidden.get(dHidden.size() - 1),
                        config.codes());
        GeneratorInput input = GeneratorInput.of(z, codes, config, GENERATOR_PREFIX, random);
        DenseStack g =
                DenseStack.create(
                        layers,
                        GENERATOR_PREFIX,
                        input.width(),
                        config.generatorHidden(),
                        width,
                        DenseStack.Activation.RELU);
        SDVariable generated = g.apply(input.value()).rename(GENERATED);

        SDVariable realHidden = d.hidden(x);
        sd.nn.softmax(q.apply(realHidden), 1).rename(REAL_CODE_PROBABILITIES);
        discriminatorLoss(d, q, realHidden, GradientStop.of(generated), codes, config)
                .rename(DISCRIMINATOR_LOSS);
        SDVariable generatorLoss =
                generatorLoss(
                        d.frozen(),
                        DenseStack.frozen(q),
                        target.constantCopyIn(sd),
                        x,
                        generated,
                        codes,
                        config.codes(),
                        epsilonLogit);
        if (input.regulariser() != null) {
            generatorLoss = generatorLoss.add(input.regulariser());
        }
        generatorLoss.rename(GENERATOR_LOSS);
        Player discriminator =
                new Player(
                        DISCRIMINATOR_PREFIX,
                        DISCRIMINATOR_LOSS,
                        config.learningRate(),
                        MmocConfig.BETA1);
        Player generator =
                new Player(
                        GENERATOR_PREFIX, GENERATOR_LOSS, config.learningRate(), MmocConfig.BETA1);
        AdversarialGraph game = new AdversarialGraph(sd, List.of(discriminator, generator));
        return new ComplementaryGanGraph(game, discriminator, generator, d);
    }

    /** {@code L_D} on real rows and generated rows cut from the generator. */
    private static SDVariable discriminatorLoss(
            DenseStack d,
            Dense q,
            SDVariable realHidden,
            SDVariable cutGenerated,
            SDVariable codes,
            MmocConfig config) {
        SDVariable generatedHidden = d.hidden(cutGenerated);
        SDVariable realLogits = d.head(realHidden);
        return AdversarialLosses.realVersusGenerated(realLogits, d.head(generatedHidden))
                .add(AdversarialLosses.binaryEntropy(realLogits).mul(config.entropyWeight()))
                .add(
                        AdversarialLosses.codeCrossEntropy(
                                q.apply(generatedHidden), codes, config.codes()));
    }

    /** {@code L_fm + L_pt + L_KL + L_MI} through frozen D and Q and the constant target. */
    private static SDVariable generatorLoss(
            DenseStack frozenD,
            Dense frozenQ,
            DenseStack target,
            SDVariable x,
            SDVariable generated,
            SDVariable codes,
            int codeCount,
            double epsilonLogit) {
        SameDiff sd = x.getSameDiff();
        SDVariable generatedHidden = frozenD.hidden(generated);
        SDVariable featureMatching =
                AdversarialLosses.featureMatching(frozenD.hidden(x), generatedHidden);
        SDVariable targetHidden = target.hidden(generated);
        SDVariable targetLogits = target.head(targetHidden);
        SDVariable logDensity = AdversarialLosses.softplus(targetLogits.neg()).neg();
        SDVariable dense = GradientStop.of(sd.math.step(targetLogits, epsilonLogit));
        SDVariable towardsLowDensity = sd.mean(logDensity.mul(dense));
        return featureMatching
                .add(AdversarialLosses.pullAway(targetHidden))
                .add(towardsLowDensity)
                .add(
                        AdversarialLosses.codeCrossEntropy(
                                frozenQ.apply(generatedHidden), codes, codeCount));
    }
}
