package io.polygraph.train;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The three encoders of the {@code cmad-sequence} behaviour consensus space: the profile and the
 * transaction towers of {@link ProfileTransactionArchitecture} (the same ensemble of perceptrons,
 * declared first so that a seed initialises them as in {@code cmad}), and an LSTM over the entity's
 * recent transactions ({@link LstmEncoder}) whose last state is projected linearly into the same
 * space.
 *
 * <p>The shared space is the ensemble's: {@link ProfileTransactionArchitecture#MEMBERS} unit-length
 * member embeddings of r dimensions side by side, so the history is projected to {@code MEMBERS *
 * r} dimensions and its cosine with a tower's embedding weighs every member's part. The LSTM's
 * state has r units: it reads at most a few dozen short steps. The history tower has no dropout
 * mask: its input is a sequence, and dropping LSTM units per step is not what the towers' masks do.
 */
final class BehaviourArchitecture {

    private final ProfileTransactionArchitecture profileTransaction;
    private final int steps;
    private final int stepWidth;
    private final int embeddingSize;

    BehaviourArchitecture(
            int profileWidth, int transactionWidth, int steps, int stepWidth, int embeddingSize) {
        this.profileTransaction =
                new ProfileTransactionArchitecture(profileWidth, transactionWidth, embeddingSize);
        this.steps = steps;
        this.stepWidth = stepWidth;
        this.embeddingSize = embeddingSize;
    }

    /** The profile and transaction sides, for their shapes and dropout widths. */
    PairArchitecture profileTransaction() {
        return profileTransaction;
    }

    /** Steps of the history sequence. */
    int steps() {
        return steps;
    }

    /** Columns of the flattened history sequence. */
    int historyWidth() {
        return steps * stepWidth;
    }

    /** Declares the variables of all three towers. */
    Towers create(GraphLayers layers) {
        PairArchitecture.Towers towers = profileTransaction.create(layers);
        LstmEncoder lstm = new LstmEncoder(layers, "history_lstm", steps, stepWidth, embeddingSize);
        GraphLayers.Dense project =
                layers.dense(
                        "history_out",
                        embeddingSize,
                        ProfileTransactionArchitecture.MEMBERS * embeddingSize);
        return new Towers(towers, lstm, project);
    }

    /** The three towers, applied to placeholders; embeddings are not yet unit length. */
    record Towers(PairArchitecture.Towers pair, LstmEncoder lstm, GraphLayers.Dense project) {

        SDVariable profile(SDVariable input, SDVariable dropMask) {
            return pair.a(input, dropMask);
        }

        SDVariable transaction(SDVariable input, SDVariable dropMask) {
            return pair.b(input, dropMask);
        }

        SDVariable history(SDVariable sequence, SDVariable stepMask) {
            return project.apply(lstm.lastState(sequence, stepMask));
        }
    }
}
