package io.polygraph.train;

import io.polygraph.fusion.DetectionHead;
import io.polygraph.fusion.FusionEncoding;
import io.polygraph.fusion.FusionNetwork;
import io.polygraph.fusion.FusionShape;
import io.polygraph.fusion.Modality;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Builds the DMAFN training and inference graphs from the same code and variable names, so that
 * {@link PairGraphs#transferWeights} moves trained weights into a fresh inference graph.
 *
 * <p>Extractors: {@link FusionExtractors}; the signatures are two modalities of their own, so that
 * one can be hidden and rebuilt from the other. Then one of three fusions (early, late, attention)
 * and one head.
 *
 * <p>Autoencoder head: one decoder per modality from the fused representation, targets the profile
 * and transaction features, the mean history step, and each pooled signature canvas; each
 * modality's error is its mean squared error divided by the target's training variance, so that
 * modalities weigh alike whatever their units. Training minimises the mean error over the present
 * modalities, including those hidden from the encoder by modality dropout (the decoders must then
 * rebuild them from the others). Classifier head: a weighted logistic loss on "anomalous".
 */
final class FusionGraphs {

    static final String TARGET_MASK = "target_mask";
    static final String LABEL = "label";
    static final String RECONSTRUCTION_ERROR = "reconstruction_error";
    static final String CLASSIFICATION_ERROR = "classification_error";
    static final String LOSS = "fusion_loss";

    private FusionGraphs() {}

    /** Placeholder order of the training graph. */
    static String[] trainingInputs() {
        return new String[] {
            FusionNetwork.PROFILE,
            FusionNetwork.TRANSACTION,
            FusionNetwork.HISTORY,
            FusionNetwork.HISTORY_MASK,
            FusionNetwork.ENROLMENT,
            FusionNetwork.PRESENTED,
            FusionNetwork.ENROLMENT_ROWS,
            FusionNetwork.PRESENTED_ROWS,
            FusionNetwork.ENROLMENT_SMALL,
            FusionNetwork.PRESENTED_SMALL,
            FusionNetwork.MODALITY_MASK,
            TARGET_MASK,
            LABEL
        };
    }

    /**
     * A training graph.
     *
     * @param targetVariances training variance of each modality's reconstruction target
     * @param positiveWeight weight of an anomalous record in the classifier's loss
     */
    static SameDiff training(
            FusionShape shape,
            FusionConfig config,
            double[] targetVariances,
            double positiveWeight) {
        SameDiff sd = SameDiff.create();
        Built built = build(sd, shape, config, targetVariances);
        SDVariable targetMask = sd.placeHolder(TARGET_MASK, DataType.FLOAT, -1, Modality.count());
        SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, 1);
        SDVariable loss;
        if (config.head() == DetectionHead.AUTOENCODER) {
            SDVariable masked = built.output.mul(targetMask);
            loss = sd.sum(masked).div(sd.sum(targetMask).add(1e-6)).rename(RECONSTRUCTION_ERROR);
        } else {
            // log(1 + e^z) - y z, the logistic loss in a form that does not overflow.
            SDVariable logistic = sd.nn.softplus(built.output).sub(label.mul(built.output));
            SDVariable weights = label.mul(positiveWeight - 1).add(1.0);
            loss = sd.mean(CLASSIFICATION_ERROR, logistic.mul(weights));
        }
        // See AutoencoderGraphs: adding a constant makes the loss term observable while training.
        SDVariable total = loss.add(LOSS, sd.constant(Nd4j.scalar(DataType.FLOAT, 0f)));
        sd.setLossVariables(total);
        sd.setTrainingConfig(
                TrainingConfig.builder()
                        .updater(new Adam(config.learningRate()))
                        .l2(config.l2())
                        .dataSetFeatureMapping(trainingInputs())
                        .markLabelsUnused()
                        .build());
        PairGraphs.createGradientQuietly(sd);
        return sd;
    }

    /** An inference graph; see {@link FusionNetwork} for its outputs. */
    static SameDiff inference(FusionShape shape, FusionConfig config, double[] targetVariances) {
        SameDiff sd = SameDiff.create();
        build(sd, shape, config, targetVariances);
        return sd;
    }

    /** The graph's head output: modality errors or the anomaly logit. */
    private record Built(SDVariable output) {}

    private static Built build(
            SameDiff sd, FusionShape shape, FusionConfig config, double[] targetVariances) {
        GraphLayers layers = new GraphLayers(sd, new SplittableRandom(config.seed()));
        FusionPlaceholders in = FusionPlaceholders.declare(sd, shape);
        SDVariable fused =
                switch (config.mode()) {
                    case EARLY -> earlyFusion(sd, layers, in, shape, config);
                    case LATE -> lateFusion(sd, layers, in, shape, config);
                    case ATTENTION -> attentionFusion(sd, layers, in, shape, config);
                };
        if (config.head() == DetectionHead.AUTOENCODER) {
            return new Built(
                    reconstructionErrors(sd, layers, in, shape, config, fused, targetVariances));
        }
        SDVariable hidden =
                GraphLayers.relu(
                        layers.dense("cls_hidden", config.fusedSize(), config.hiddenSize())
                                .apply(fused));
        return new Built(
                sd.identity(
                        FusionNetwork.ANOMALY_LOGIT,
                        layers.dense("cls_out", config.hiddenSize(), 1).apply(hidden)));
    }

    private static SDVariable earlyFusion(
            SameDiff sd,
            GraphLayers layers,
            FusionPlaceholders in,
            FusionShape shape,
            FusionConfig config) {
        SDVariable concatenated =
                sd.concat(
                        1,
                        in.profile().mul(in.visible(Modality.PROFILE)),
                        in.transaction().mul(in.visible(Modality.TRANSACTION)),
                        in.history().mul(in.visible(Modality.HISTORY)),
                        in.historyMask().mul(in.visible(Modality.HISTORY)),
                        in.enrolmentSmall().mul(in.visible(Modality.ENROLMENT_SIGNATURE)),
                        in.presentedSmall().mul(in.visible(Modality.PRESENTED_SIGNATURE)),
                        in.modalityMask());
        int width =
                shape.profile()
                        + shape.transaction()
                        + shape.history()
                        + shape.historySteps()
                        + 2 * FusionEncoding.SMALL_SIGNATURE
                        + Modality.count();
        SDVariable hidden =
                GraphLayers.relu(
                        layers.dense("early_hidden", width, config.hiddenSize())
                                .apply(concatenated));
        return fusedLayer(layers, hidden, config.hiddenSize(), config);
    }

    private static SDVariable lateFusion(
            SameDiff sd,
            GraphLayers layers,
            FusionPlaceholders in,
            FusionShape shape,
            FusionConfig config) {
        SDVariable[] parts = new SDVariable[Modality.count() + 1];
        SDVariable[] embeddings = FusionExtractors.embeddings(sd, layers, in, shape, config);
        System.arraycopy(embeddings, 0, parts, 0, embeddings.length);
        parts[Modality.count()] = in.modalityMask();
        SDVariable concatenated = sd.concat(1, parts);
        int width = Modality.count() * (config.embeddingSize() + 1);
        SDVariable hidden =
                GraphLayers.relu(
                        layers.dense("late_hidden", width, config.hiddenSize())
                                .apply(concatenated));
        return fusedLayer(layers, hidden, config.hiddenSize(), config);
    }

    /**
     * Scores each embedding with a small shared perceptron, turns the scores of the visible
     * modalities into weights (softmax; a hidden modality's score is pushed to -1e4 first), and
     * fuses the weighted sum of the embeddings together with the mask.
     */
    private static SDVariable attentionFusion(
            SameDiff sd,
            GraphLayers layers,
            FusionPlaceholders in,
            FusionShape shape,
            FusionConfig config) {
        SDVariable[] embeddings = FusionExtractors.embeddings(sd, layers, in, shape, config);
        GraphLayers.Dense project =
                layers.dense("att_project", config.embeddingSize(), config.embeddingSize());
        GraphLayers.Dense score = layers.dense("att_score", config.embeddingSize(), 1);
        SDVariable[] scores = new SDVariable[embeddings.length];
        for (int k = 0; k < embeddings.length; k++) {
            scores[k] = score.apply(sd.math.tanh(project.apply(embeddings[k])));
        }
        SDVariable masked =
                GraphColumns.columns(sd, scores).add(in.modalityMask().rsub(1.0).mul(-1e4));
        SDVariable weights = sd.nn.softmax(FusionNetwork.ATTENTION, masked, 1);
        SDVariable sum = null;
        for (int k = 0; k < embeddings.length; k++) {
            SDVariable weighted =
                    embeddings[k].mul(GraphColumns.column(weights, k, Modality.count()));
            sum = sum == null ? weighted : sum.add(weighted);
        }
        SDVariable withMask = sd.concat(1, sum, in.modalityMask());
        SDVariable hidden =
                GraphLayers.relu(
                        layers.dense(
                                        "att_hidden",
                                        config.embeddingSize() + Modality.count(),
                                        config.hiddenSize())
                                .apply(withMask));
        return fusedLayer(layers, hidden, config.hiddenSize(), config);
    }

    private static SDVariable fusedLayer(
            GraphLayers layers, SDVariable hidden, int width, FusionConfig config) {
        return layers.dense("fused", width, config.fusedSize()).apply(hidden);
    }

    /** Per-modality normalised reconstruction errors, [batch, modalities]. */
    private static SDVariable reconstructionErrors(
            SameDiff sd,
            GraphLayers layers,
            FusionPlaceholders in,
            FusionShape shape,
            FusionConfig config,
            SDVariable fused,
            double[] targetVariances) {
        SDVariable hidden =
                GraphLayers.relu(
                        layers.dense("dec_hidden", config.fusedSize(), config.hiddenSize())
                                .apply(fused));
        SDVariable[] targets = targets(sd, in, shape);
        SDVariable[] errors = new SDVariable[Modality.count()];
        for (Modality modality : Modality.values()) {
            SDVariable target = targets[modality.ordinal()];
            int width = Math.toIntExact(widthOf(modality, shape));
            SDVariable rebuilt =
                    layers.dense("dec_" + modality.contributionName(), config.hiddenSize(), width)
                            .apply(hidden);
            SDVariable difference = rebuilt.sub(target);
            errors[modality.ordinal()] =
                    sd.mean(difference.mul(difference), true, 1)
                            .div(Math.max(1e-6, targetVariances[modality.ordinal()]));
        }
        return sd.identity(FusionNetwork.MODALITY_ERRORS, GraphColumns.columns(sd, errors));
    }

    /** The reconstruction targets, in {@link Modality} order. */
    static SDVariable[] targets(SameDiff sd, FusionPlaceholders in, FusionShape shape) {
        SDVariable[] targets = new SDVariable[Modality.count()];
        targets[Modality.PROFILE.ordinal()] = in.profile();
        targets[Modality.TRANSACTION.ordinal()] = in.transaction();
        targets[Modality.HISTORY.ordinal()] = meanStep(sd, in, shape);
        targets[Modality.ENROLMENT_SIGNATURE.ordinal()] = in.enrolmentSmall();
        targets[Modality.PRESENTED_SIGNATURE.ordinal()] = in.presentedSmall();
        return targets;
    }

    /** Width of a modality's reconstruction target. */
    static long widthOf(Modality modality, FusionShape shape) {
        return switch (modality) {
            case PROFILE -> shape.profile();
            case TRANSACTION -> shape.transaction();
            case HISTORY -> shape.stepWidth();
            case ENROLMENT_SIGNATURE, PRESENTED_SIGNATURE -> FusionEncoding.SMALL_SIGNATURE;
        };
    }

    /** The mean of the present history steps, [batch, stepWidth]. */
    private static SDVariable meanStep(SameDiff sd, FusionPlaceholders in, FusionShape shape) {
        // history [b, steps * width] times a [steps * width, width] stack of identities sums the
        // steps (absent steps are zeros); dividing by the step count gives the mean.
        float[] stack = new float[shape.history() * shape.stepWidth()];
        for (int t = 0; t < shape.historySteps(); t++) {
            for (int j = 0; j < shape.stepWidth(); j++) {
                stack[(t * shape.stepWidth() + j) * shape.stepWidth() + j] = 1f;
            }
        }
        SDVariable sum =
                sd.mmul(
                        in.history(),
                        sd.constant(
                                Nd4j.createFromArray(stack)
                                        .reshape(shape.history(), shape.stepWidth())));
        SDVariable count = sd.sum(in.historyMask(), true, 1).add(1e-6);
        return sum.div(count);
    }
}
