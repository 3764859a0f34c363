package io.polygraph.train;

import io.polygraph.detector.PairNetwork;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Builds the training and the inference graph of a modality pair from its architecture.
 *
 * <p>The training graph has, besides the two inputs, a third input of constructed negatives for
 * side a ({@link #HARD_B}), the in-batch negative mask and one dropout mask per tower application;
 * its loss is the CMAD Eq. 8 loss ({@link GraphLayers#cmadLoss}) and it trains with Adam and L2
 * regularisation. The inference graph has the two inputs and the cosine only: no loss, no masks, no
 * updater state. Both are built by the same code with the same variable names, so that {@link
 * #transferWeights} can copy trained weights into a fresh inference graph; this is how dropout is
 * switched off for serving.
 */
public final class PairGraphs {

    static final String HARD_B = "hard_b";
    static final String NEGATIVE_MASK = "negative_mask";
    static final String DROP_A = "drop_a";
    static final String DROP_B = "drop_b";
    static final String DROP_HARD = "drop_hard";
    static final String LOSS = "loss";

    /** Placeholder order of the training graph, which is also the order of the trainer's arrays. */
    static final String[] TRAINING_INPUTS = {
        PairNetwork.INPUT_A, PairNetwork.INPUT_B, HARD_B, NEGATIVE_MASK, DROP_A, DROP_B, DROP_HARD
    };

    private PairGraphs() {}

    /** A training graph, weights initialised from {@code seed}. */
    static SameDiff training(
            PairArchitecture architecture,
            CmadLossSettings config,
            double learningRate,
            long seed) {
        SameDiff sd = SameDiff.create();
        GraphLayers layers = new GraphLayers(sd, new SplittableRandom(seed));
        PairArchitecture.Towers towers = architecture.create(layers);
        SDVariable a =
                sd.placeHolder(PairNetwork.INPUT_A, DataType.FLOAT, batched(architecture.shapeA()));
        SDVariable b =
                sd.placeHolder(PairNetwork.INPUT_B, DataType.FLOAT, batched(architecture.shapeB()));
        SDVariable hard = sd.placeHolder(HARD_B, DataType.FLOAT, batched(architecture.shapeB()));
        SDVariable mask = sd.placeHolder(NEGATIVE_MASK, DataType.FLOAT, -1, -1);
        SDVariable dropA = sd.placeHolder(DROP_A, DataType.FLOAT, -1, architecture.dropWidthA());
        SDVariable dropB = sd.placeHolder(DROP_B, DataType.FLOAT, -1, architecture.dropWidthB());
        SDVariable dropHard =
                sd.placeHolder(DROP_HARD, DataType.FLOAT, -1, architecture.dropWidthB());
        SDVariable za = GraphLayers.unitRows(towers.a(a, dropA));
        SDVariable zb = GraphLayers.unitRows(towers.b(b, dropB));
        SDVariable zh = GraphLayers.unitRows(towers.b(hard, dropHard));
        SDVariable loss =
                layers.cmadLoss(
                        LOSS,
                        za,
                        zb,
                        zh,
                        mask,
                        config.lambda(),
                        config.gamma(),
                        architecture.inBatchNegativeShare(),
                        config.marginTemperature());
        sd.setLossVariables(loss);
        sd.setTrainingConfig(
                TrainingConfig.builder()
                        .updater(new Adam(learningRate))
                        .l2(config.l2())
                        .dataSetFeatureMapping(TRAINING_INPUTS)
                        .markLabelsUnused()
                        .build());
        createGradientQuietly(sd);
        return sd;
    }

    /** An inference graph of the architecture, with freshly initialised weights. */
    static SameDiff inference(PairArchitecture architecture) {
        SameDiff sd = SameDiff.create();
        PairArchitecture.Towers towers =
                architecture.create(new GraphLayers(sd, new SplittableRandom(0)));
        SDVariable a =
                sd.placeHolder(PairNetwork.INPUT_A, DataType.FLOAT, batched(architecture.shapeA()));
        SDVariable b =
                sd.placeHolder(PairNetwork.INPUT_B, DataType.FLOAT, batched(architecture.shapeB()));
        SDVariable za = GraphLayers.unitRows(towers.a(a, null));
        SDVariable zb = GraphLayers.unitRows(towers.b(b, null));
        sd.sum(PairNetwork.COSINE, za.mul(zb), false, 1);
        return sd;
    }

    /** An inference network holding the trained weights of {@code trained}. */
    static PairNetwork toInference(PairArchitecture architecture, SameDiff trained) {
        SameDiff inference = inference(architecture);
        transferWeights(trained, inference);
        return new PairNetwork(inference);
    }

    /** Copies every trainable variable of {@code from} into the same-named one of {@code to}. */
    static void transferWeights(SameDiff from, SameDiff to) {
        for (SDVariable variable : to.variables()) {
            if (variable.getVariableType() != VariableType.VARIABLE) {
                continue;
            }
            SDVariable source = from.getVariable(variable.name());
            if (source == null) {
                throw new IllegalStateException("trained graph lacks variable " + variable.name());
            }
            variable.setArray(source.getArr().dup());
        }
    }

    /**
     * Builds the gradient graph now, with standard output muted: SameDiff 1.0.0-M2.1 prints one
     * line per differentiated op with {@code System.out.println} (not a logger), which would bury a
     * command-line progress bar. Done once per graph, on the training thread, before any output of
     * ours; other threads printing at that moment would lose their line.
     */
    public static void createGradientQuietly(SameDiff sd) {
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            sd.createGradFunction();
        } finally {
            System.setOut(original);
        }
    }

    private static long[] batched(long[] shape) {
        long[] withBatch = new long[shape.length + 1];
        withBatch[0] = -1;
        System.arraycopy(shape, 0, withBatch, 1, shape.length);
        return withBatch;
    }
}
