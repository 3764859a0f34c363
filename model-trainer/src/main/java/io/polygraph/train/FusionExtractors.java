package io.polygraph.train;

import io.polygraph.features.SignatureFeatures;
import io.polygraph.fusion.FusionShape;
import io.polygraph.fusion.Modality;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * DMAFN's per-modality extractors: a two-layer perceptron each for the profile and the transaction;
 * an LSTM over the history sequence ({@link LstmEncoder}); one convolutional tower shared by the
 * enrolment and the presented signature, run on the images present only. Each embedding is squashed
 * with tanh and multiplied by its column of the modality mask, so a missing or hidden modality
 * contributes exactly nothing.
 */
final class FusionExtractors {

    private static final int CONV1 = 8;
    private static final int CONV2 = 16;
    private static final int CONV_MAP =
            CONV2 * (SignatureFeatures.HEIGHT / 4) * (SignatureFeatures.WIDTH / 4);

    private FusionExtractors() {}

    /** One masked embedding per modality, in {@link Modality} order. */
    static SDVariable[] embeddings(
            SameDiff sd,
            GraphLayers layers,
            FusionPlaceholders in,
            FusionShape shape,
            FusionConfig config) {
        SDVariable[] embeddings = new SDVariable[Modality.count()];
        embeddings[Modality.PROFILE.ordinal()] =
                perceptron(sd, layers, "profile", in.profile(), shape.profile(), config);
        embeddings[Modality.TRANSACTION.ordinal()] =
                perceptron(
                        sd, layers, "transaction", in.transaction(), shape.transaction(), config);
        embeddings[Modality.HISTORY.ordinal()] = lstm(layers, in, shape, config);
        SDVariable[] signatures = signatures(sd, layers, in, config);
        embeddings[Modality.ENROLMENT_SIGNATURE.ordinal()] = signatures[0];
        embeddings[Modality.PRESENTED_SIGNATURE.ordinal()] = signatures[1];
        for (Modality modality : Modality.values()) {
            embeddings[modality.ordinal()] =
                    embeddings[modality.ordinal()].mul(in.visible(modality));
        }
        return embeddings;
    }

    private static SDVariable perceptron(
            SameDiff sd,
            GraphLayers layers,
            String name,
            SDVariable input,
            int width,
            FusionConfig config) {
        SDVariable hidden =
                GraphLayers.relu(
                        layers.dense(name + "_hidden", width, config.hiddenSize()).apply(input));
        return sd.math.tanh(
                layers.dense(name + "_embed", config.hiddenSize(), config.embeddingSize())
                        .apply(hidden));
    }

    /** An LSTM unrolled over the history steps; its last state is the history embedding. */
    private static SDVariable lstm(
            GraphLayers layers, FusionPlaceholders in, FusionShape shape, FusionConfig config) {
        return new LstmEncoder(
                        layers,
                        "lstm",
                        shape.historySteps(),
                        shape.stepWidth(),
                        config.embeddingSize())
                .lastState(in.history(), in.historyMask());
    }

    /**
     * The enrolment and the presented signature's embeddings, in that order: one convolutional
     * tower (the CMAD signature tower's shape: a 5x5 stride-2 convolution, average pooling, a 3x3
     * convolution) and projection shared by both, run on the images present only and spread back to
     * the batch (zeros where a record has no such signature).
     */
    private static SDVariable[] signatures(
            SameDiff sd, GraphLayers layers, FusionPlaceholders in, FusionConfig config) {
        GraphLayers.Conv first = layers.conv("sig_conv1", 1, CONV1, 5, 2);
        GraphLayers.Conv second = layers.conv("sig_conv2", CONV1, CONV2, 3, 1);
        GraphLayers.Dense embed = layers.dense("sig_embed", CONV_MAP, config.hiddenSize());
        GraphLayers.Dense project =
                layers.dense("sig_project", config.hiddenSize(), config.embeddingSize());
        SDVariable enrolment =
                sd.math.tanh(project.apply(tower(first, second, embed, in.enrolment())));
        SDVariable presented =
                sd.math.tanh(project.apply(tower(first, second, embed, in.presented())));
        return new SDVariable[] {
            sd.mmul(in.enrolmentRows(), enrolment), sd.mmul(in.presentedRows(), presented)
        };
    }

    private static SDVariable tower(
            GraphLayers.Conv first,
            GraphLayers.Conv second,
            GraphLayers.Dense embed,
            SDVariable image) {
        SDVariable x = GraphLayers.averagePool2(GraphLayers.relu(first.apply(image)));
        x = GraphLayers.relu(second.apply(x));
        return GraphLayers.relu(embed.apply(GraphLayers.flatten(x, CONV_MAP)));
    }
}
