package io.polygraph.train;

import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The building blocks of the CMAD encoders and of the Eq. 8 loss, as SameDiff operations.
 *
 * <p>Weights are initialised here from the caller's seeded stream (He initialisation for ReLU
 * layers) rather than from ND4J's global generator, so that training is reproducible whatever else
 * runs in the JVM. Dropout is a multiplication by a mask placeholder that the trainer fills with
 * scaled Bernoulli draws: SameDiff's own dropout ops have no gradient in 1.0.0-M2.1, and a mask
 * placeholder keeps the inference graph (built without masks) free of any randomness.
 */
public final class GraphLayers {

    /** Suffix of the consistent-pair term of a loss named {@code name}. */
    static final String CONSISTENT_SUFFIX = "_consistent";

    /** Suffix of the weighted inconsistent-pair term of a loss named {@code name}. */
    static final String INCONSISTENT_SUFFIX = "_inconsistent";

    private final SameDiff sd;
    private final SplittableRandom random;

    public GraphLayers(SameDiff sd, SplittableRandom random) {
        this.sd = sd;
        this.random = random;
    }

    /** A fully connected layer {@code x W + b}, its variables named {@code name_w, name_b}. */
    public Dense dense(String name, int in, int out) {
        SDVariable weights = variable(name + "_w", in, new long[] {in, out});
        SDVariable bias = sd.var(name + "_b", Nd4j.zeros(DataType.FLOAT, out));
        return new Dense(weights, bias);
    }

    /** A same-padded 2-D convolution of NCHW inputs, its variables named {@code name_w, name_b}. */
    Conv conv(String name, int channelsIn, int channelsOut, int kernel, int stride) {
        return conv(name, channelsIn, channelsOut, kernel, stride, PaddingMode.SAME);
    }

    /** A 2-D convolution of NCHW inputs with the given padding. */
    Conv conv(
            String name,
            int channelsIn,
            int channelsOut,
            int kernel,
            int stride,
            PaddingMode padding) {
        SDVariable weights =
                variable(
                        name + "_w",
                        channelsIn * kernel * kernel,
                        new long[] {kernel, kernel, channelsIn, channelsOut});
        SDVariable bias = sd.var(name + "_b", Nd4j.zeros(DataType.FLOAT, channelsOut));
        Conv2DConfig config =
                Conv2DConfig.builder()
                        .kH(kernel)
                        .kW(kernel)
                        .sH(stride)
                        .sW(stride)
                        .paddingMode(padding)
                        .dataFormat("NCHW")
                        .build();
        return new Conv(weights, bias, config);
    }

    /** A trainable scalar, initialised to {@code value}. */
    SDVariable scalar(String name, float value) {
        return sd.var(name, Nd4j.scalar(DataType.FLOAT, value).reshape(1, 1));
    }

    /** Weights of a dense layer; applying them twice shares them (siamese towers). */
    public record Dense(SDVariable weights, SDVariable bias) {
        public SDVariable apply(SDVariable input) {
            return input.getSameDiff().nn.linear(input, weights, bias);
        }
    }

    /** Weights of a convolution layer; applying them twice shares them. */
    record Conv(SDVariable weights, SDVariable bias, Conv2DConfig config) {
        SDVariable apply(SDVariable input) {
            return input.getSameDiff().cnn.conv2d(input, weights, bias, config);
        }
    }

    /** ReLU. */
    static SDVariable relu(SDVariable input) {
        return input.getSameDiff().nn.relu(input, 0.0);
    }

    /** The input times its dropout mask, or the input itself when there is no mask (inference). */
    static SDVariable dropped(SDVariable input, SDVariable dropMask) {
        return dropMask == null ? input : input.mul(dropMask);
    }

    /** Reshapes [batch, c * h * w] to [batch, c, h, w]. */
    static SDVariable unflatten(SDVariable input, int channels, int height, int width) {
        SameDiff sd = input.getSameDiff();
        return input.reshape(sd.constant(Nd4j.createFromArray(-1L, channels, height, width)));
    }

    /** 2x2 average pooling with stride 2 of an NCHW input. */
    static SDVariable averagePool2(SDVariable input) {
        return input.getSameDiff().cnn.avgPooling2d(input, halving());
    }

    /** 2x2 max pooling with stride 2 of an NCHW input. */
    static SDVariable maxPool2(SDVariable input) {
        return input.getSameDiff().cnn.maxPooling2d(input, halving());
    }

    private static Pooling2DConfig halving() {
        return Pooling2DConfig.builder()
                .kH(2)
                .kW(2)
                .sH(2)
                .sW(2)
                .paddingMode(PaddingMode.VALID)
                .isNHWC(false)
                .build();
    }

    /** Reshapes [batch, ...] to [batch, width]. */
    static SDVariable flatten(SDVariable input, int width) {
        SameDiff sd = input.getSameDiff();
        return input.reshape(sd.constant(Nd4j.createFromArray(-1L, width)));
    }

    /** Rows scaled to unit length, so that a dot product is the cosine. */
    static SDVariable unitRows(SDVariable embeddings) {
        SameDiff sd = embeddings.getSameDiff();
        SDVariable norm = sd.math.sqrt(sd.sum(embeddings.mul(embeddings), true, 1).add(1e-8));
        return embeddings.div(norm);
    }

    /**
     * The CMAD loss (Eq. 8) of a batch: {@code 1 - cos} for each consistent pair {@code (a_i,
     * b_i)}, and {@code lambda * max(0, cos - gamma)} for inconsistent ones. Inconsistent pairs are
     * every {@code (a_i, b_j)} whose {@code negativeMask[i, j]} is 1 (another entity in the batch)
     * and every {@code (a_i, hard_i)}, weighted {@code inBatchShare} and {@code 1 - inBatchShare}.
     * Each kind of negative is averaged, so that one positive weighs as much as one negative
     * whatever the batch size. With {@code temperature > 0} the hinge becomes its smooth version
     * (see {@link TrainerConfig#marginTemperature()}).
     *
     * @param a unit-length embeddings of the first modality, [batch, r]
     * @param b unit-length embeddings of the second modality, [batch, r]
     * @param hard unit-length embeddings of constructed negatives for {@code a}, or null when the
     *     pair has none (then every inconsistent pair is an in-batch one, whatever {@code
     *     inBatchShare})
     * @param negativeMask [batch, batch] with 1 where {@code (a_i, b_j)} is inconsistent
     */
    SDVariable cmadLoss(
            String name,
            SDVariable a,
            SDVariable b,
            SDVariable hard,
            SDVariable negativeMask,
            double lambda,
            double gamma,
            double inBatchShare,
            double temperature) {
        SDVariable positive =
                sd.mean(name + CONSISTENT_SUFFIX, sd.sum(a.mul(b), false, 1).rsub(1.0));
        SDVariable similarities = sd.mmul(a, b, false, true, false);
        SDVariable hinge = margin(similarities.sub(gamma), temperature).mul(negativeMask);
        SDVariable inBatch = sd.sum(hinge).div(sd.sum(negativeMask).add(1.0));
        if (hard == null) {
            return positive.add(name, inBatch.mul(name + INCONSISTENT_SUFFIX, lambda));
        }
        SDVariable hardHinge = margin(sd.sum(a.mul(hard), false, 1).sub(gamma), temperature);
        SDVariable negative =
                inBatch.mul(inBatchShare).add(sd.mean(hardHinge).mul(1 - inBatchShare));
        return positive.add(name, negative.mul(name + INCONSISTENT_SUFFIX, lambda));
    }

    /**
     * {@code max(0, x)} when {@code temperature} is 0 (Eq. 8 as published); otherwise its smooth
     * version {@code temperature * softplus(x / temperature)}, which keeps pushing an inconsistent
     * pair a little further below the margin the more clearly it is inconsistent.
     */
    private SDVariable margin(SDVariable x, double temperature) {
        if (temperature <= 0) {
            return sd.nn.relu(x, 0.0);
        }
        return sd.nn.softplus(x.div(temperature)).mul(temperature);
    }

    private SDVariable variable(String name, int fanIn, long[] shape) {
        long count = 1;
        for (long dimension : shape) {
            count *= dimension;
        }
        float[] values = new float[Math.toIntExact(count)];
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        INDArray array = Nd4j.createFromArray(values).reshape(shape);
        return sd.var(name, array);
    }
}
