package io.polygraph.train;

import io.polygraph.detector.ConsensusNetwork;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Builds the training and the inference graph of the {@code cmad-sequence} behaviour consensus
 * space (profile, transaction, history) from its {@link BehaviourArchitecture}.
 *
 * <p>Loss: CMAD's Eq. 8 generalised to K = 3 modalities, the sum of one Eq. 8 term ({@link
 * GraphLayers#cmadLoss}) per pair of modalities, K(K-1)/2 = 3 of them, each with the same lambda,
 * gamma and margin temperature. Every pair's consistent term is a record's own two modalities. The
 * inconsistent pairs differ by pair, because what makes a good negative differs:
 *
 * <ul>
 *   <li>profile~transaction: the constructed hard negatives of {@link ProfileTransactionBatches}
 *       (another entity's transaction after this entity's history), as in {@code cmad};
 *   <li>transaction~history: the same hard negatives against this entity's history: exactly the
 *       question "does this payment fit the payments before it". In-batch negatives (another
 *       entity's whole record) are left out here: the transaction side's features summarise their
 *       own history, so they would be told apart by that summary alone;
 *   <li>profile~history: in-batch negatives, other entities' histories in the batch (the only
 *       natural negatives; there is no constructed one), averaged over the batch's inconsistent
 *       pairs.
 * </ul>
 *
 * <p>The graphs share variable names, so {@link PairGraphs#transferWeights} moves trained weights
 * into a fresh inference graph without dropout masks.
 */
final class BehaviourGraphs {

    static final String HARD_TRANSACTION = "hard_transaction";
    static final String DROP_PROFILE = "drop_profile";
    static final String DROP_TRANSACTION = "drop_transaction";
    static final String DROP_HARD = "drop_hard";

    /**
     * Placeholder order of the training graph: that of {@link PairGraphs#TRAINING_INPUTS} (so that
     * a (profile, transaction) batch is reused as it is), then the history sequence and its mask.
     */
    static final String[] TRAINING_INPUTS = {
        ConsensusNetwork.PROFILE,
        ConsensusNetwork.TRANSACTION,
        HARD_TRANSACTION,
        PairGraphs.NEGATIVE_MASK,
        DROP_PROFILE,
        DROP_TRANSACTION,
        DROP_HARD,
        ConsensusNetwork.HISTORY,
        ConsensusNetwork.HISTORY_MASK
    };

    /** Names of the three pair terms of the loss, each an Eq. 8 loss of its own. */
    static final String[] PAIR_LOSSES = {
        "loss_profile_transaction", "loss_transaction_history", "loss_profile_history"
    };

    private BehaviourGraphs() {}

    /** A recorder of the loss: the consistent and inconsistent terms of every pair. */
    static LossRecorder lossRecorder() {
        String[] terms = new String[2 * PAIR_LOSSES.length];
        for (int k = 0; k < PAIR_LOSSES.length; k++) {
            terms[2 * k] = PAIR_LOSSES[k] + GraphLayers.CONSISTENT_SUFFIX;
            terms[2 * k + 1] = PAIR_LOSSES[k] + GraphLayers.INCONSISTENT_SUFFIX;
        }
        return LossRecorder.ofTerms(terms);
    }

    /** A training graph, weights initialised from {@code seed}. */
    static SameDiff training(BehaviourArchitecture architecture, TrainerConfig config) {
        SameDiff sd = SameDiff.create();
        GraphLayers layers = new GraphLayers(sd, new SplittableRandom(config.seed()));
        BehaviourArchitecture.Towers towers = architecture.create(layers);
        PairArchitecture pair = architecture.profileTransaction();
        Inputs in = Inputs.declare(sd, architecture);
        SDVariable hard = sd.placeHolder(HARD_TRANSACTION, DataType.FLOAT, -1, pair.shapeB()[0]);
        SDVariable mask = sd.placeHolder(PairGraphs.NEGATIVE_MASK, DataType.FLOAT, -1, -1);
        SDVariable dropProfile =
                sd.placeHolder(DROP_PROFILE, DataType.FLOAT, -1, pair.dropWidthA());
        SDVariable dropTransaction =
                sd.placeHolder(DROP_TRANSACTION, DataType.FLOAT, -1, pair.dropWidthB());
        SDVariable dropHard = sd.placeHolder(DROP_HARD, DataType.FLOAT, -1, pair.dropWidthB());
        SDVariable profile = GraphLayers.unitRows(towers.profile(in.profile, dropProfile));
        SDVariable transaction =
                GraphLayers.unitRows(towers.transaction(in.transaction, dropTransaction));
        SDVariable hardTransaction = GraphLayers.unitRows(towers.transaction(hard, dropHard));
        SDVariable history = GraphLayers.unitRows(towers.history(in.history, in.historyMask));
        double lambda = config.lambda();
        double gamma = config.gamma();
        double t = config.marginTemperature();
        SDVariable profileTransaction =
                layers.cmadLoss(
                        PAIR_LOSSES[0],
                        profile,
                        transaction,
                        hardTransaction,
                        mask,
                        lambda,
                        gamma,
                        0.0,
                        t);
        SDVariable transactionHistory =
                layers.cmadLoss(
                        PAIR_LOSSES[1],
                        history,
                        transaction,
                        hardTransaction,
                        mask,
                        lambda,
                        gamma,
                        0.0,
                        t);
        SDVariable profileHistory =
                layers.cmadLoss(
                        PAIR_LOSSES[2], profile, history, null, mask, lambda, gamma, 1.0, t);
        SDVariable loss =
                profileTransaction.add(transactionHistory).add(PairGraphs.LOSS, profileHistory);
        sd.setLossVariables(loss);
        sd.setTrainingConfig(
                TrainingConfig.builder()
                        .updater(new Adam(config.learningRate()))
                        .l2(config.l2())
                        .dataSetFeatureMapping(TRAINING_INPUTS)
                        .markLabelsUnused()
                        .build());
        PairGraphs.createGradientQuietly(sd);
        return sd;
    }

    /** An inference graph of the architecture, with freshly initialised weights. */
    static SameDiff inference(BehaviourArchitecture architecture) {
        SameDiff sd = SameDiff.create();
        BehaviourArchitecture.Towers towers =
                architecture.create(new GraphLayers(sd, new SplittableRandom(0)));
        Inputs in = Inputs.declare(sd, architecture);
        SDVariable profile = GraphLayers.unitRows(towers.profile(in.profile, null));
        SDVariable transaction = GraphLayers.unitRows(towers.transaction(in.transaction, null));
        SDVariable history = GraphLayers.unitRows(towers.history(in.history, in.historyMask));
        sd.sum(ConsensusNetwork.PROFILE_TRANSACTION, profile.mul(transaction), false, 1);
        sd.sum(ConsensusNetwork.PROFILE_HISTORY, profile.mul(history), false, 1);
        sd.sum(ConsensusNetwork.TRANSACTION_HISTORY, transaction.mul(history), false, 1);
        return sd;
    }

    /** An inference network holding the trained weights of {@code trained}. */
    static ConsensusNetwork toInference(BehaviourArchitecture architecture, SameDiff trained) {
        SameDiff inference = inference(architecture);
        PairGraphs.transferWeights(trained, inference);
        return new ConsensusNetwork(inference);
    }

    /** The placeholders both graphs share. */
    private record Inputs(
            SDVariable profile,
            SDVariable transaction,
            SDVariable history,
            SDVariable historyMask) {

        static Inputs declare(SameDiff sd, BehaviourArchitecture architecture) {
            PairArchitecture pair = architecture.profileTransaction();
            return new Inputs(
                    sd.placeHolder(ConsensusNetwork.PROFILE, DataType.FLOAT, -1, pair.shapeA()[0]),
                    sd.placeHolder(
                            ConsensusNetwork.TRANSACTION, DataType.FLOAT, -1, pair.shapeB()[0]),
                    sd.placeHolder(
                            ConsensusNetwork.HISTORY,
                            DataType.FLOAT,
                            -1,
                            architecture.historyWidth()),
                    sd.placeHolder(
                            ConsensusNetwork.HISTORY_MASK,
                            DataType.FLOAT,
                            -1,
                            architecture.steps()));
        }
    }
}
