package io.polygraph.gan.mmoc;

import io.polygraph.gan.AdversarialGraph;
import io.polygraph.gan.AdversarialLosses;
import io.polygraph.gan.DenseStack;
import io.polygraph.gan.Player;
import io.polygraph.train.GraphLayers;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The target network, which estimates where normal rows are dense for MMOC-GAN's KL term: a
 * classifier of normal rows against rows from a broad reference distribution (noise-contrastive
 * estimation, Gutmann and Hyvärinen 2010).
 *
 * <p>The optimal classifier is {@code p_T(x) = p_data(x) / (p_data(x) + p_ref(x))}, which orders
 * points by their density ratio to the reference; with a reference much broader than the data (see
 * {@link ReferenceSample}) that is close to ordering them by the density of normal rows, and {@code
 * p_T} falls towards 0 both between normal modes and far away from all of them. MMOC-GAN only
 * compares {@code p_T} with a threshold taken from the normal rows themselves, so the ordering is
 * all it needs.
 *
 * <p>Deviation from OCAN: OCAN describes the target network as a regular GAN's discriminator
 * trained on normal data. Measured here on three 2-D Gaussian clusters, such a discriminator (after
 * a few epochs, 32-unit layers) was highest not on the clusters but far below them, where it never
 * saw a sample: its value off the data is arbitrary. The KL term then pushed the complementary
 * samples away from that empty region, and the detector called rows there normal (AUROC 0.0 to 0.3
 * for a planted cluster there on several seeds). A classifier against a reference that covers that
 * region has no such blind spot. The network has the discriminator's architecture; it is the only
 * player of its {@link AdversarialGraph}.
 */
final class DensityTargetGraph {

    static final String REAL = "tgt_x";
    static final String REFERENCE = "tgt_reference";
    static final String REAL_LOGITS = "tgt_real_logits";
    static final String PREFIX = "tgt_d_";
    static final String LOSS = "tgt_loss";

    final AdversarialGraph game;
    final Player classifier;
    final DenseStack network;

    private DensityTargetGraph(AdversarialGraph game, Player classifier, DenseStack network) {
        this.game = game;
        this.classifier = classifier;
        this.network = network;
    }

    static DensityTargetGraph build(int width, MmocConfig config, SplittableRandom random) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(REAL, DataType.FLOAT, -1, width);
        SDVariable reference = sd.placeHolder(REFERENCE, DataType.FLOAT, -1, width);
        DenseStack network =
                DenseStack.create(
                        new GraphLayers(sd, random),
                        PREFIX,
                        width,
                        config.discriminatorHidden(),
                        1,
                        DenseStack.Activation.LEAKY_RELU);
        SDVariable realLogits = network.apply(x).rename(REAL_LOGITS);
        AdversarialLosses.realVersusGenerated(realLogits, network.apply(reference)).rename(LOSS);
        Player classifier = new Player(PREFIX, LOSS, config.learningRate(), MmocConfig.BETA1);
        return new DensityTargetGraph(
                new AdversarialGraph(sd, List.of(classifier)), classifier, network);
    }
}
