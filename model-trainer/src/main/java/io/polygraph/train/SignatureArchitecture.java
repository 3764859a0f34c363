package io.polygraph.train;

import io.polygraph.features.SignatureFeatures;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The (enrolment signature, presented signature) pair: one convolutional tower applied to both
 * sides (a siamese network).
 *
 * <p>Tower: a 5x5 convolution with stride 2 ({@code 1 -> 8} channels, 16 x 48), ReLU, 2x2 average
 * pooling, a 3x3 convolution ({@code 8 -> 16} channels, 8 x 24), ReLU. The embedding joins two
 * unit-length parts: the flattened feature map ("where the strokes are and how they run") and a
 * style vector (spatial means of the feature map through a small two-layer head: "how thick, dark
 * and slanted the strokes are"). With weights {@code sqrt(1 - w)} and {@code sqrt(w)}, {@code w} a
 * learned mixing weight, the cosine of two embeddings is {@code (1 - w) cos_map + w cos_style}.
 *
 * <p>Why this shape: there is deliberately no dense layer on the feature map. The canvases are
 * cropped and centred, so one writer's strokes land in the same places, and a cosine of feature
 * maps compares them place by place with weights shared across places, which carries over to
 * writers never seen in training; a dense head tried first memorised the few hundred training
 * writers and ranked unseen ones worse than plain pixel correlation. But a cosine of feature maps
 * ignores a uniform change of intensity, and a skilled forgery is mostly that (the same letters
 * with another pen pressure), hence the style part, which does not. The embedding is therefore
 * wider than the profile-transaction pair's r; embeddings are only compared within their own pair.
 * Costs about 1 M multiply-adds per image. Dropout applies to the first feature map.
 */
final class SignatureArchitecture implements PairArchitecture {

    static final int C1 = 8;
    static final int C2 = 16;
    static final int STYLE = 16;
    static final int MAP = C2 * (SignatureFeatures.HEIGHT / 4) * (SignatureFeatures.WIDTH / 4);
    private static final int FIRST_HEIGHT = SignatureFeatures.HEIGHT / 2;
    private static final int FIRST_WIDTH = SignatureFeatures.WIDTH / 2;
    private static final int DROP_WIDTH = C1 * FIRST_HEIGHT * FIRST_WIDTH;

    /** Initial logit of the style weight w: sigmoid(-1) = 0.27. */
    private static final float INITIAL_STYLE_LOGIT = -1f;

    @Override
    public long[] shapeA() {
        return new long[] {1, SignatureFeatures.HEIGHT, SignatureFeatures.WIDTH};
    }

    @Override
    public long[] shapeB() {
        return shapeA();
    }

    @Override
    public int dropWidthA() {
        return DROP_WIDTH;
    }

    @Override
    public int dropWidthB() {
        return DROP_WIDTH;
    }

    /**
     * Half other writers (in the batch), half synthetic skilled forgeries: both kinds of impostor
     * occur, and each needs its own cues (letters versus the hand).
     */
    @Override
    public double inBatchNegativeShare() {
        return 0.5;
    }

    @Override
    public Towers create(GraphLayers layers) {
        GraphLayers.Conv c1 = layers.conv("signature_c1", 1, C1, 5, 2);
        GraphLayers.Conv c2 = layers.conv("signature_c2", C1, C2, 3, 1);
        GraphLayers.Dense s1 = layers.dense("signature_style_1", C2, STYLE);
        GraphLayers.Dense s2 = layers.dense("signature_style_2", STYLE, STYLE);
        SDVariable mix = layers.scalar("signature_style_mix", INITIAL_STYLE_LOGIT);
        return new Towers() {
            @Override
            public SDVariable a(SDVariable input, SDVariable dropMask) {
                SDVariable h = GraphLayers.relu(c1.apply(input));
                if (dropMask != null) {
                    h =
                            GraphLayers.unflatten(
                                    GraphLayers.flatten(h, DROP_WIDTH).mul(dropMask),
                                    C1,
                                    FIRST_HEIGHT,
                                    FIRST_WIDTH);
                }
                h = GraphLayers.relu(c2.apply(GraphLayers.averagePool2(h)));
                SameDiff sd = h.getSameDiff();
                SDVariable map = GraphLayers.unitRows(GraphLayers.flatten(h, MAP));
                SDVariable pooled = sd.mean(h, 2, 3);
                SDVariable style =
                        GraphLayers.unitRows(s2.apply(GraphLayers.relu(s1.apply(pooled))));
                SDVariable weight = sd.nn.sigmoid(mix);
                return sd.concat(
                        1,
                        map.mul(sd.math.sqrt(weight.rsub(1.0))),
                        style.mul(sd.math.sqrt(weight)));
            }

            @Override
            public SDVariable b(SDVariable input, SDVariable dropMask) {
                return a(input, dropMask);
            }
        };
    }
}
