package io.polygraph.train;

import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Builds the training and the inference graph of a dense autoencoder.
 *
 * <p>Both graphs come from the same code with the same variable names, so that {@link
 * PairGraphs#transferWeights} copies trained weights into a fresh inference graph, which has no
 * dropout masks, no loss and no updater state. The training graph has one dropout-mask placeholder
 * per hidden layer ({@link GraphLayers#dropped}) and minimises the mean squared reconstruction
 * error of the (scaled) input.
 *
 * <p>Why squared error rather than {@code 1 - cos(x, x')}, although DUAD scores {@code
 * arccos(cos(x, x'))}: the squared error pins down both the direction and the length of the
 * reconstruction, and it bounds the cosine loss, {@code 1 - cos <= |x - x'|^2 / (2 |x| |x'|)}, so
 * driving it down drives the score of normal rows down too. The cosine loss alone leaves the length
 * of the reconstruction free, so the decoder is not constrained to map the code back onto the data;
 * and public re-implementations of DUAD train with squared error as well.
 */
final class AutoencoderGraphs {

    static final String INPUT = "ae_input";
    static final String BOTTLENECK = "ae_bottleneck";
    static final String RECONSTRUCTION = "ae_reconstruction";

    /** The squared-error term, which {@link LossRecorder} reads. */
    static final String SQUARED_ERROR = "ae_squared_error";

    static final String LOSS = "ae_loss";

    private AutoencoderGraphs() {}

    /** Name of the dropout mask of hidden layer {@code index} (encoder first, then decoder). */
    static String dropMask(int index) {
        return "ae_drop_" + index;
    }

    /** Placeholder order of the training graph: the input, then the dropout masks. */
    static String[] trainingInputs(AutoencoderConfig config) {
        int masks = config.dropWidths().length;
        String[] names = new String[1 + masks];
        names[0] = INPUT;
        for (int i = 0; i < masks; i++) {
            names[1 + i] = dropMask(i);
        }
        return names;
    }

    /** A training graph for rows of {@code width} columns, weights initialised from the seed. */
    static SameDiff training(int width, AutoencoderConfig config) {
        SameDiff sd = SameDiff.create();
        int[] dropWidths = config.dropWidths();
        SDVariable[] masks = new SDVariable[dropWidths.length];
        for (int i = 0; i < masks.length; i++) {
            masks[i] = sd.placeHolder(dropMask(i), DataType.FLOAT, -1, dropWidths[i]);
        }
        SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, width);
        SDVariable reconstruction = build(sd, input, width, config, masks);
        SDVariable error = reconstruction.sub(input);
        SDVariable squaredError = sd.mean(SQUARED_ERROR, error.mul(error));
        // M2.1 never executes the loss variable's own op while training, and executes an op
        // before it only if some gradient needs that op's value: a scalar multiply's gradient
        // does not, an addition of two variables' does. Adding a constant zero therefore makes the
        // squared-error term observable by LossRecorder without changing the loss.
        SDVariable loss = squaredError.add(LOSS, sd.constant(Nd4j.scalar(DataType.FLOAT, 0f)));
        sd.setLossVariables(loss);
        sd.setTrainingConfig(
                TrainingConfig.builder()
                        .updater(new Adam(config.learningRate()))
                        .l2(config.l2())
                        .dataSetFeatureMapping(trainingInputs(config))
                        .markLabelsUnused()
                        .build());
        PairGraphs.createGradientQuietly(sd);
        return sd;
    }

    /** An inference graph (outputs {@link #BOTTLENECK} and {@link #RECONSTRUCTION}). */
    static SameDiff inference(int width, AutoencoderConfig config) {
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, width);
        build(sd, input, width, config, new SDVariable[config.dropWidths().length]);
        return sd;
    }

    /** Encoder and mirrored decoder; a null mask means no dropout on that layer. */
    private static SDVariable build(
            SameDiff sd,
            SDVariable input,
            int width,
            AutoencoderConfig config,
            SDVariable[] masks) {
        GraphLayers layers = new GraphLayers(sd, new SplittableRandom(config.seed()));
        int layer = 0;
        int in = width;
        SDVariable x = input;
        for (int out : config.hidden()) {
            x = GraphLayers.dropped(hidden(layers, "enc" + layer, in, out, x), masks[layer]);
            in = out;
            layer++;
        }
        SDVariable code = layers.dense("code", in, config.bottleneck()).apply(x);
        x = sd.identity(BOTTLENECK, code);
        in = config.bottleneck();
        for (int i = config.hidden().size() - 1; i >= 0; i--) {
            int out = config.hidden().get(i);
            x = GraphLayers.dropped(hidden(layers, "dec" + layer, in, out, x), masks[layer]);
            in = out;
            layer++;
        }
        return sd.identity(RECONSTRUCTION, layers.dense("output", in, width).apply(x));
    }

    private static SDVariable hidden(
            GraphLayers layers, String name, int in, int out, SDVariable x) {
        return GraphLayers.relu(layers.dense(name, in, out).apply(x));
    }
}
