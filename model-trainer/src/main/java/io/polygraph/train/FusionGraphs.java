package io.polygraph.train;

import io.polygraph.features.SignatureFeatures;
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
 * <p>Extractors: a two-layer perceptron each for the profile and the transaction; an LSTM over the
 * history sequence, unrolled over its fixed number of steps (a step whose mask is 0 leaves the
 * state unchanged, so left-padded short histories end in the state of their last real transaction);
 * one convolutional tower shared by the enrolment and the presented signature, two modalities of
 * their own (so that one can be hidden and rebuilt from the other), run on the images present only.
 * Each embedding is squashed with tanh and multiplied by its column of the modality mask, so a
 * missing or dropped modality contributes exactly nothing.
 *
 * <p>Selecting columns and steps is done with constant 0/1 matrices and {@code mmul}, whose
 * gradient SameDiff 1.0.0-M2.1 computes reliably, rather than with strided slices.
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

    private static final int CONV1 = 8;
    private static final int CONV2 = 16;
    private static final int CONV_MAP =
            CONV2 * (SignatureFeatures.HEIGHT / 4) * (SignatureFeatures.WIDTH / 4);

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
        Inputs in = Inputs.declare(sd, shape);
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

    /** The placeholders of one batch. */
    private record Inputs(
            SDVariable profile,
            SDVariable transaction,
            SDVariable history,
            SDVariable historyMask,
            SDVariable enrolment,
            SDVariable presented,
            SDVariable enrolmentRows,
            SDVariable presentedRows,
            SDVariable enrolmentSmall,
            SDVariable presentedSmall,
            SDVariable modalityMask) {

        static Inputs declare(SameDiff sd, FusionShape shape) {
            return new Inputs(
                    sd.placeHolder(FusionNetwork.PROFILE, DataType.FLOAT, -1, shape.profile()),
                    sd.placeHolder(
                            FusionNetwork.TRANSACTION, DataType.FLOAT, -1, shape.transaction()),
                    sd.placeHolder(FusionNetwork.HISTORY, DataType.FLOAT, -1, shape.history()),
                    sd.placeHolder(
                            FusionNetwork.HISTORY_MASK, DataType.FLOAT, -1, shape.historySteps()),
                    sd.placeHolder(
                            FusionNetwork.ENROLMENT,
                            DataType.FLOAT,
                            -1,
                            1,
                            SignatureFeatures.HEIGHT,
                            SignatureFeatures.WIDTH),
                    sd.placeHolder(
                            FusionNetwork.PRESENTED,
                            DataType.FLOAT,
                            -1,
                            1,
                            SignatureFeatures.HEIGHT,
                            SignatureFeatures.WIDTH),
                    sd.placeHolder(FusionNetwork.ENROLMENT_ROWS, DataType.FLOAT, -1, -1),
                    sd.placeHolder(FusionNetwork.PRESENTED_ROWS, DataType.FLOAT, -1, -1),
                    sd.placeHolder(
                            FusionNetwork.ENROLMENT_SMALL,
                            DataType.FLOAT,
                            -1,
                            FusionEncoding.SMALL_SIGNATURE),
                    sd.placeHolder(
                            FusionNetwork.PRESENTED_SMALL,
                            DataType.FLOAT,
                            -1,
                            FusionEncoding.SMALL_SIGNATURE),
                    sd.placeHolder(
                            FusionNetwork.MODALITY_MASK, DataType.FLOAT, -1, Modality.count()));
        }

        /** Column {@code modality} of the modality mask, [batch, 1]. */
        SDVariable visible(Modality modality) {
            return column(modalityMask, modality.ordinal(), Modality.count());
        }
    }

    private static SDVariable earlyFusion(
            SameDiff sd, GraphLayers layers, Inputs in, FusionShape shape, FusionConfig config) {
        SDVariable concatenated =
                sd.concat(
                        1,
                        in.profile.mul(in.visible(Modality.PROFILE)),
                        in.transaction.mul(in.visible(Modality.TRANSACTION)),
                        in.history.mul(in.visible(Modality.HISTORY)),
                        in.historyMask.mul(in.visible(Modality.HISTORY)),
                        in.enrolmentSmall.mul(in.visible(Modality.ENROLMENT_SIGNATURE)),
                        in.presentedSmall.mul(in.visible(Modality.PRESENTED_SIGNATURE)),
                        in.modalityMask);
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
            SameDiff sd, GraphLayers layers, Inputs in, FusionShape shape, FusionConfig config) {
        SDVariable[] parts = new SDVariable[Modality.count() + 1];
        SDVariable[] embeddings = embeddings(sd, layers, in, shape, config);
        System.arraycopy(embeddings, 0, parts, 0, embeddings.length);
        parts[Modality.count()] = in.modalityMask;
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
            SameDiff sd, GraphLayers layers, Inputs in, FusionShape shape, FusionConfig config) {
        SDVariable[] embeddings = embeddings(sd, layers, in, shape, config);
        GraphLayers.Dense project =
                layers.dense("att_project", config.embeddingSize(), config.embeddingSize());
        GraphLayers.Dense score = layers.dense("att_score", config.embeddingSize(), 1);
        SDVariable[] scores = new SDVariable[embeddings.length];
        for (int k = 0; k < embeddings.length; k++) {
            scores[k] = score.apply(sd.math.tanh(project.apply(embeddings[k])));
        }
        SDVariable masked = columns(sd, scores).add(in.modalityMask.rsub(1.0).mul(-1e4));
        SDVariable weights = sd.nn.softmax(FusionNetwork.ATTENTION, masked, 1);
        SDVariable sum = null;
        for (int k = 0; k < embeddings.length; k++) {
            SDVariable weighted = embeddings[k].mul(column(weights, k, Modality.count()));
            sum = sum == null ? weighted : sum.add(weighted);
        }
        SDVariable withMask = sd.concat(1, sum, in.modalityMask);
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

    /** One masked embedding per modality, in {@link Modality} order. */
    private static SDVariable[] embeddings(
            SameDiff sd, GraphLayers layers, Inputs in, FusionShape shape, FusionConfig config) {
        SDVariable[] embeddings = new SDVariable[Modality.count()];
        embeddings[Modality.PROFILE.ordinal()] =
                perceptron(sd, layers, "profile", in.profile, shape.profile(), config);
        embeddings[Modality.TRANSACTION.ordinal()] =
                perceptron(sd, layers, "transaction", in.transaction, shape.transaction(), config);
        embeddings[Modality.HISTORY.ordinal()] = lstm(sd, layers, in, shape, config);
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
            SameDiff sd, GraphLayers layers, Inputs in, FusionShape shape, FusionConfig config) {
        int size = config.embeddingSize();
        int width = shape.stepWidth();
        GraphLayers.Dense[] input = new GraphLayers.Dense[4];
        GraphLayers.Dense[] recurrent = new GraphLayers.Dense[4];
        String[] gates = {"input", "forget", "output", "cell"};
        for (int g = 0; g < 4; g++) {
            input[g] = layers.dense("lstm_x_" + gates[g], width, size);
            recurrent[g] = layers.dense("lstm_h_" + gates[g], size, size);
        }
        SDVariable zeros = sd.constant(Nd4j.zeros(DataType.FLOAT, shape.history(), size));
        SDVariable h = sd.mmul(in.history, zeros);
        SDVariable c = h;
        for (int t = 0; t < shape.historySteps(); t++) {
            SDVariable x = sd.mmul(in.history, selection(sd, shape.history(), t * width, width));
            SDVariable present = column(in.historyMask, t, shape.historySteps());
            SDVariable inputGate = sd.nn.sigmoid(input[0].apply(x).add(recurrent[0].apply(h)));
            // A forget bias of +1 keeps early steps in memory at the start of training.
            SDVariable forgetGate =
                    sd.nn.sigmoid(input[1].apply(x).add(recurrent[1].apply(h)).add(1.0));
            SDVariable outputGate = sd.nn.sigmoid(input[2].apply(x).add(recurrent[2].apply(h)));
            SDVariable candidate = sd.math.tanh(input[3].apply(x).add(recurrent[3].apply(h)));
            SDVariable nextC = forgetGate.mul(c).add(inputGate.mul(candidate));
            SDVariable nextH = outputGate.mul(sd.math.tanh(nextC));
            SDVariable absent = present.rsub(1.0);
            c = nextC.mul(present).add(c.mul(absent));
            h = nextH.mul(present).add(h.mul(absent));
        }
        return h;
    }

    /**
     * The enrolment and the presented signature's embeddings, in that order: one convolutional
     * tower (the CMAD signature tower's shape: a 5x5 stride-2 convolution, average pooling, a 3x3
     * convolution) and projection shared by both, run on the images present only and spread back to
     * the batch (zeros where a record has no such signature).
     */
    private static SDVariable[] signatures(
            SameDiff sd, GraphLayers layers, Inputs in, FusionConfig config) {
        GraphLayers.Conv first = layers.conv("sig_conv1", 1, CONV1, 5, 2);
        GraphLayers.Conv second = layers.conv("sig_conv2", CONV1, CONV2, 3, 1);
        GraphLayers.Dense embed = layers.dense("sig_embed", CONV_MAP, config.hiddenSize());
        GraphLayers.Dense project =
                layers.dense("sig_project", config.hiddenSize(), config.embeddingSize());
        SDVariable enrolment =
                sd.math.tanh(project.apply(tower(first, second, embed, in.enrolment)));
        SDVariable presented =
                sd.math.tanh(project.apply(tower(first, second, embed, in.presented)));
        return new SDVariable[] {
            sd.mmul(in.enrolmentRows, enrolment), sd.mmul(in.presentedRows, presented)
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

    /** Per-modality normalised reconstruction errors, [batch, modalities]. */
    private static SDVariable reconstructionErrors(
            SameDiff sd,
            GraphLayers layers,
            Inputs in,
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
        return sd.identity(FusionNetwork.MODALITY_ERRORS, columns(sd, errors));
    }

    /** The reconstruction targets, in {@link Modality} order. */
    static SDVariable[] targets(SameDiff sd, Inputs in, FusionShape shape) {
        SDVariable[] targets = new SDVariable[Modality.count()];
        targets[Modality.PROFILE.ordinal()] = in.profile;
        targets[Modality.TRANSACTION.ordinal()] = in.transaction;
        targets[Modality.HISTORY.ordinal()] = meanStep(sd, in, shape);
        targets[Modality.ENROLMENT_SIGNATURE.ordinal()] = in.enrolmentSmall;
        targets[Modality.PRESENTED_SIGNATURE.ordinal()] = in.presentedSmall;
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
    private static SDVariable meanStep(SameDiff sd, Inputs in, FusionShape shape) {
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
                        in.history,
                        sd.constant(
                                Nd4j.createFromArray(stack)
                                        .reshape(shape.history(), shape.stepWidth())));
        SDVariable count = sd.sum(in.historyMask, true, 1).add(1e-6);
        return sum.div(count);
    }

    /**
     * [batch, 1] variables side by side as one [batch, n] variable. Not {@code sd.concat}: in
     * SameDiff 1.0.0-M2.1 a concatenation of single columns came out with rows mixed up (a record's
     * attention weights and score then depended on the other records of its batch); each column is
     * placed with a product by a constant one-hot row instead.
     */
    private static SDVariable columns(SameDiff sd, SDVariable[] parts) {
        SDVariable placed = null;
        for (int k = 0; k < parts.length; k++) {
            float[] oneHot = new float[parts.length];
            oneHot[k] = 1f;
            SDVariable column =
                    sd.mmul(
                            parts[k],
                            sd.constant(Nd4j.createFromArray(oneHot).reshape(1, parts.length)));
            placed = placed == null ? column : placed.add(column);
        }
        return placed;
    }

    /** Column {@code index} of a [batch, width] variable, as [batch, 1]. */
    private static SDVariable column(SDVariable matrix, int index, int width) {
        SameDiff sd = matrix.getSameDiff();
        return sd.mmul(matrix, selection(sd, width, index, 1));
    }

    /** A constant [width, count] matrix that picks columns {@code from .. from + count - 1}. */
    private static SDVariable selection(SameDiff sd, int width, int from, int count) {
        float[] values = new float[width * count];
        for (int j = 0; j < count; j++) {
            values[(from + j) * count + j] = 1f;
        }
        return sd.constant(Nd4j.createFromArray(values).reshape(width, count));
    }
}
