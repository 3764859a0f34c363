package io.polygraph.train;

import io.polygraph.detector.ModalityPair;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the epochs of a CMAD training: in each epoch, every behaviour batch (the (profile,
 * transaction) pair of {@code cmad}, or the (profile, transaction, history) consensus space of
 * {@code cmad-sequence}), then every signature batch, each one Adam step on its graph, reporting
 * progress after every batch.
 *
 * <p>The behaviour side and the signature pair share no weights (the profile carries no information
 * about handwriting), so training them in turn within an epoch is equivalent to training them
 * together, and keeps one graph per pair. Batches are drawn afresh each epoch from the run's seeded
 * stream.
 */
final class TrainingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);
    private static final String SIG = ModalityPair.SIGNATURE.contributionName();

    /** The training batches of the behaviour side. */
    interface BehaviourSource {

        /** The batches of one epoch, as row indices. */
        List<int[]> epoch(int batchSize, SplittableRandom random);

        /** The training inputs of the given rows, in the behaviour graph's placeholder order. */
        MultiDataSet batch(int[] rows, double dropout, SplittableRandom random);

        /** A recorder of the behaviour graph's loss terms; by default those of one pair. */
        default LossRecorder lossRecorder() {
            return new LossRecorder(PairGraphs.LOSS);
        }
    }

    private final TrainerConfig config;
    private final TrainingListener listener;
    private final SplittableRandom random;
    private final LossRecorder lossRecorder = new LossRecorder(PairGraphs.LOSS);

    TrainingLoop(TrainerConfig config, TrainingListener listener) {
        this.config = config;
        this.listener = listener;
        this.random = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
    }

    /** Trains both graphs of a {@code cmad} detector in place. */
    void run(
            ProfileTransactionBatches profileTransactions,
            PairArchitecture profileTransactionArchitecture,
            SameDiff profileTransactionGraph,
            SignatureBatches signatures,
            PairArchitecture signatureArchitecture,
            SameDiff signatureGraph) {
        BehaviourSource source =
                new BehaviourSource() {
                    @Override
                    public List<int[]> epoch(int batchSize, SplittableRandom random) {
                        return profileTransactions.epoch(batchSize, random);
                    }

                    @Override
                    public MultiDataSet batch(int[] rows, double dropout, SplittableRandom random) {
                        return profileTransactions.batch(
                                rows, profileTransactionArchitecture, dropout, random);
                    }
                };
        run(
                ModalityPair.PROFILE_TRANSACTION.contributionName(),
                source,
                profileTransactionGraph,
                signatures,
                signatureArchitecture,
                signatureGraph);
    }

    /**
     * Trains the behaviour graph (its progress reported as {@code behaviourName}) and the signature
     * graph in place.
     */
    void run(
            String behaviourName,
            BehaviourSource behaviour,
            SameDiff behaviourGraph,
            SignatureBatches signatures,
            PairArchitecture signatureArchitecture,
            SameDiff signatureGraph) {
        ProgressClock clock = new ProgressClock();
        LossRecorder behaviourLoss = behaviour.lossRecorder();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            List<int[]> ptBatches = behaviour.epoch(config.batchSize(), random);
            List<int[]> sigBatches =
                    signatures.size() < 2
                            ? List.of()
                            : signatures.epoch(
                                    config.signatureBatchSize(),
                                    config.signaturePairsPerWriter(),
                                    random);
            EpochCounter counter =
                    new EpochCounter(
                            behaviourName, epoch, ptBatches.size(), sigBatches.size(), clock);
            double ptLoss = 0;
            for (int[] rows : ptBatches) {
                MultiDataSet batch = behaviour.batch(rows, config.dropout(), random);
                ptLoss += step(behaviourGraph, batch, behaviourLoss);
                counter.done(behaviourName, ptLoss);
            }
            double sigLoss = 0;
            for (int[] rows : sigBatches) {
                MultiDataSet batch =
                        signatures.batch(rows, signatureArchitecture, config.dropout(), random);
                sigLoss += step(signatureGraph, batch, lossRecorder);
                counter.done(SIG, sigLoss);
            }
            LOG.info(
                    "Epoch {}/{}: {} loss {}, signature loss {}, {} s elapsed",
                    epoch,
                    config.epochs(),
                    behaviourName,
                    String.format("%.4f", ptLoss / Math.max(1, ptBatches.size())),
                    String.format("%.4f", sigLoss / Math.max(1, sigBatches.size())),
                    clock.elapsed().toSeconds());
            if (counter.last != null) {
                listener.onEpochEnd(counter.last);
            }
        }
    }

    private static double step(SameDiff graph, MultiDataSet batch, LossRecorder recorder) {
        graph.fit(batch, recorder);
        return recorder.lastLoss();
    }

    /** Counts one epoch's batches and turns them into progress reports. */
    private final class EpochCounter {
        private final String behaviourName;
        private final int epoch;
        private final int ptBatches;
        private final int sigBatches;
        private final ProgressClock clock;
        private int ptDone;
        private int sigDone;
        private TrainingProgress last;

        EpochCounter(
                String behaviourName,
                int epoch,
                int ptBatches,
                int sigBatches,
                ProgressClock clock) {
            this.behaviourName = behaviourName;
            this.epoch = epoch;
            this.ptBatches = ptBatches;
            this.sigBatches = sigBatches;
            this.clock = clock;
        }

        void done(String pair, double lossSum) {
            clock.tick(pair);
            boolean pt = pair.equals(behaviourName);
            int done = pt ? ++ptDone : ++sigDone;
            long epochsLeft = config.epochs() - epoch;
            Map<String, Long> remaining =
                    Map.of(
                            behaviourName,
                            (long) (ptBatches - ptDone) + epochsLeft * ptBatches,
                            SIG,
                            (long) (sigBatches - sigDone) + epochsLeft * sigBatches);
            last =
                    new TrainingProgress(
                            pair,
                            epoch,
                            config.epochs(),
                            ptDone + sigDone,
                            ptBatches + sigBatches,
                            lossSum / done,
                            clock.elapsed(),
                            clock.remaining(remaining));
            listener.onBatch(last);
        }
    }
}
