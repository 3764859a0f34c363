package io.polygraph.gan;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The loss terms of GAN training, as SameDiff operations on logits and features.
 *
 * <p>Probabilities are written through logits ({@code log sigmoid(l) = -softplus(-l)}), which stays
 * finite where a saturated discriminator would make {@code log(p)} overflow, with {@link #softplus}
 * rather than ND4J's own, which overflows too. Every term is a batch mean, so its weight does not
 * depend on the batch size.
 */
public final class AdversarialLosses {

    private AdversarialLosses() {}

    /**
     * {@code log(1 + exp(l))}, finite for every finite {@code l}: computed as {@code max(l, 0) +
     * log1p(exp(-|l|))}. ND4J's {@code softplus} (1.0.0-M2.1) computes {@code exp(l)} first and is
     * infinite from {@code l = 89} in float, where a confident discriminator's logits go: the
     * epoch's loss then read Infinity, or NaN where it was multiplied by a probability of 0, while
     * training went on. Its gradient is {@code sigmoid(l)}, as softplus's.
     */
    public static SDVariable softplus(SDVariable logits) {
        SameDiff sd = logits.getSameDiff();
        return sd.nn.relu(logits, 0).add(sd.math.log1p(sd.math.exp(sd.math.abs(logits).neg())));
    }

    /**
     * The discriminator's cross-entropy, real labelled 1 and generated labelled 0: {@code -E[log
     * D(x)] - E[log(1 - D(G))]}.
     */
    public static SDVariable realVersusGenerated(
            SDVariable realLogits, SDVariable generatedLogits) {
        SameDiff sd = realLogits.getSameDiff();
        return sd.mean(softplus(realLogits.neg())).add(sd.mean(softplus(generatedLogits)));
    }

    /** The generator's non-saturating loss {@code -E[log D(G)]} (Goodfellow et al., 2014). */
    public static SDVariable nonSaturating(SDVariable generatedLogits) {
        SameDiff sd = generatedLogits.getSameDiff();
        return sd.mean(softplus(generatedLogits.neg()));
    }

    /**
     * The mean entropy {@code -p log p - (1 - p) log(1 - p)} of {@code p = sigmoid(l)}: small when
     * the discriminator is sure either way.
     */
    public static SDVariable binaryEntropy(SDVariable logits) {
        SameDiff sd = logits.getSameDiff();
        SDVariable p = sd.nn.sigmoid(logits);
        SDVariable entropy = p.mul(softplus(logits.neg())).add(p.rsub(1.0).mul(softplus(logits)));
        return sd.mean(entropy);
    }

    /**
     * Feature matching (Salimans et al., 2016): {@code |E[f(x)] - E[f(G)]|^2}, the squared distance
     * between the mean features of real and generated rows.
     */
    public static SDVariable featureMatching(
            SDVariable realFeatures, SDVariable generatedFeatures) {
        SameDiff sd = realFeatures.getSameDiff();
        SDVariable difference = sd.mean(realFeatures, 0).sub(sd.mean(generatedFeatures, 0));
        return sd.sum(difference.mul(difference));
    }

    /**
     * The pull-away term (Zhao et al., 2017): the mean squared cosine between the feature rows of
     * two different samples, {@code sum_{i != j} cos(f_i, f_j)^2 / (n (n - 1))}; small when the
     * samples point in different directions. Needs at least two rows, and at least two columns
     * (SameDiff 1.0.0-M2.1 fails on a row sum over a single column).
     */
    public static SDVariable pullAway(SDVariable features) {
        SameDiff sd = features.getSameDiff();
        SDVariable norm = sd.math.sqrt(sd.sum(features.mul(features), true, 1).add(1e-8));
        SDVariable unit = features.div(norm);
        SDVariable cosines = sd.mmul(unit, unit, false, true, false);
        // The diagonal is |u_i|^4, 1 except for rows near zero (where the 1e-8 shows): subtract
        // it as computed rather than n, so that dead features cannot make the term negative.
        SDVariable selfProducts = sd.sum(unit.mul(unit), false, 1);
        SDVariable offDiagonal =
                sd.sum(cosines.mul(cosines)).sub(sd.sum(selfProducts.mul(selfProducts)));
        SDVariable n = sd.sizeAt(features, 0).castTo(DataType.FLOAT);
        return offDiagonal.div(n.mul(n.sub(1.0)));
    }

    /**
     * The cross-entropy of categorical logits against one-hot codes, {@code -E[log Q(c | x)]}: the
     * variational bound on the mutual information between code and sample (InfoGAN), up to the
     * code's constant entropy. With a single code it is 0 (and so is its gradient).
     *
     * @param codeLogits [batch, codeCount]
     * @param oneHotCodes [batch, codeCount]
     */
    public static SDVariable codeCrossEntropy(
            SDVariable codeLogits, SDVariable oneHotCodes, int codeCount) {
        SameDiff sd = codeLogits.getSameDiff();
        // Row sums as products with a column of ones, and no row maximum over a single column:
        // SameDiff 1.0.0-M2.1 fails on a reduction along a dimension of size 1. The shift by the
        // (constant) row maximum keeps exp finite; its own logSoftmax with a dimension fails to
        // copy itself into the gradient graph.
        SDVariable ones = sd.constant(Nd4j.ones(DataType.FLOAT, codeCount, 1));
        SDVariable shift =
                codeCount == 1 ? codeLogits : GradientStop.of(sd.max(codeLogits, true, 1));
        SDVariable shifted = codeLogits.sub(shift);
        SDVariable logQ = shifted.sub(sd.math.log(sd.mmul(sd.math.exp(shifted), ones)));
        return sd.mean(sd.mmul(oneHotCodes.mul(logQ), ones)).neg();
    }
}
