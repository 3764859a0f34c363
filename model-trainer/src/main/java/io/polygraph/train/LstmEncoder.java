package io.polygraph.train;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An LSTM over a right-aligned sequence ({@link io.polygraph.fusion.HistoryEncoding}), unrolled
 * over its fixed number of steps; its last state is the sequence's embedding. Shared by DMAFN's
 * history extractor and CMAD's history modality.
 *
 * <p>A step whose mask is 0 leaves the state unchanged, so a left-padded short history ends in the
 * state of its last real transaction, and an empty one in the zero state. Unrolled rather than
 * SameDiff's LSTM layer op, whose gradient is not usable in 1.0.0-M2.1 with masked steps; steps are
 * picked with constant selection matrices ({@link GraphColumns}) for the same reason. Variables are
 * named {@code <prefix>_x_<gate>} and {@code <prefix>_h_<gate>}.
 */
final class LstmEncoder {

    private static final String[] GATES = {"input", "forget", "output", "cell"};

    private final GraphLayers.Dense[] input = new GraphLayers.Dense[4];
    private final GraphLayers.Dense[] recurrent = new GraphLayers.Dense[4];
    private final int steps;
    private final int stepWidth;
    private final int size;

    /**
     * Declares the LSTM's variables: {@code steps} steps of {@code stepWidth}, state {@code size}.
     */
    LstmEncoder(GraphLayers layers, String prefix, int steps, int stepWidth, int size) {
        this.steps = steps;
        this.stepWidth = stepWidth;
        this.size = size;
        for (int g = 0; g < 4; g++) {
            input[g] = layers.dense(prefix + "_x_" + GATES[g], stepWidth, size);
            recurrent[g] = layers.dense(prefix + "_h_" + GATES[g], size, size);
        }
    }

    /**
     * The last state of the LSTM run over {@code sequence} ([batch, steps * stepWidth]) with its
     * {@code stepMask} ([batch, steps]): [batch, size].
     */
    SDVariable lastState(SDVariable sequence, SDVariable stepMask) {
        SameDiff sd = sequence.getSameDiff();
        int flat = steps * stepWidth;
        SDVariable zeros = sd.constant(Nd4j.zeros(DataType.FLOAT, flat, size));
        SDVariable h = sd.mmul(sequence, zeros);
        SDVariable c = h;
        for (int t = 0; t < steps; t++) {
            SDVariable x =
                    sd.mmul(sequence, GraphColumns.selection(sd, flat, t * stepWidth, stepWidth));
            SDVariable present = GraphColumns.column(stepMask, t, steps);
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
}
