package io.polygraph.train;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * The (image, tag) pair of the CMAD paper's MNIST experiment, with the paper's layer sizes: images
 * {@code 784 -> 1440 -> 1280 -> 320 -> 150 -> 50}, tags {@code 100 -> 100 -> 50}.
 *
 * <p>Image tower: a 5x5 convolution without padding ({@code 1 -> 10} channels, 24 x 24), 2x2 max
 * pooling (10 x 12 x 12 = 1,440), ReLU; a 5x5 convolution ({@code 10 -> 20}, 8 x 8 = 1,280), 2x2
 * max pooling (20 x 4 x 4 = 320), ReLU; dense 150 with ReLU; linear 50. Tag tower: dense 100 with
 * ReLU, linear 50. The last layers are linear because only directions count for a cosine. Dropout
 * applies to the 320 pooled image features and to the tag's hidden layer.
 *
 * <p>Negatives: half in-batch (every image against the tags of other digits in the batch), half
 * constructed (each image against a freshly drawn tag of another digit), so that every step sees
 * every kind of wrong tag without depending on the batch's composition.
 */
final class ImageTagArchitecture implements PairArchitecture {

    static final int SIDE = 28;
    static final int C1 = 10;
    static final int C2 = 20;
    static final int POOLED = C2 * 4 * 4;
    static final int IMAGE_HIDDEN = 150;
    static final int TAG_HIDDEN = 100;
    static final int EMBEDDING = 50;

    private final int tagWidth;

    ImageTagArchitecture(int tagWidth) {
        this.tagWidth = tagWidth;
    }

    @Override
    public long[] shapeA() {
        return new long[] {1, SIDE, SIDE};
    }

    @Override
    public long[] shapeB() {
        return new long[] {tagWidth};
    }

    @Override
    public int dropWidthA() {
        return POOLED;
    }

    @Override
    public int dropWidthB() {
        return TAG_HIDDEN;
    }

    @Override
    public double inBatchNegativeShare() {
        return 0.5;
    }

    @Override
    public Towers create(GraphLayers layers) {
        GraphLayers.Conv c1 = layers.conv("image_c1", 1, C1, 5, 1, PaddingMode.VALID);
        GraphLayers.Conv c2 = layers.conv("image_c2", C1, C2, 5, 1, PaddingMode.VALID);
        GraphLayers.Dense i1 = layers.dense("image_1", POOLED, IMAGE_HIDDEN);
        GraphLayers.Dense i2 = layers.dense("image_out", IMAGE_HIDDEN, EMBEDDING);
        GraphLayers.Dense t1 = layers.dense("tag_1", tagWidth, TAG_HIDDEN);
        GraphLayers.Dense t2 = layers.dense("tag_out", TAG_HIDDEN, EMBEDDING);
        return new Towers() {
            @Override
            public SDVariable a(SDVariable input, SDVariable dropMask) {
                SDVariable h = GraphLayers.relu(GraphLayers.maxPool2(c1.apply(input)));
                h = GraphLayers.relu(GraphLayers.maxPool2(c2.apply(h)));
                h = GraphLayers.dropped(GraphLayers.flatten(h, POOLED), dropMask);
                return i2.apply(GraphLayers.relu(i1.apply(h)));
            }

            @Override
            public SDVariable b(SDVariable input, SDVariable dropMask) {
                return t2.apply(GraphLayers.dropped(GraphLayers.relu(t1.apply(input)), dropMask));
            }
        };
    }
}
