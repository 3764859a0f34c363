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
 * Runs the epochs of a CMAD training: in each epoch, every (profile, transaction) batch, then every
 * signature batch, each one Adam step on its pair's graph, reporting progress after every batch.
 *
 * <p>The two pairs share no weights (the profile carries no information about handwriting), so
 * training them in turn within an epoch is equivalent to training them together, and keeps one
 * graph per pair. Batches are drawn afresh each epoch from the run's seeded stream.
 */
final class TrainingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);
    private static final String PT = ModalityPair.PROFILE_TRANSACTION.contributionName();
    private static final String SIG = ModalityPair.SIGNATURE.contributionName();

    private final TrainerConfig config;
    private final TrainingListener listener;
    private final SplittableRandom random;
    private final LossRecorder lossRecorder = new LossRecorder(PairGraphs.LOSS);

    TrainingLoop(TrainerConfig config, TrainingListener listener) {
        this.config = config;
        this.listener = listener;
        this.random = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
    }

    /** Trains both graphs in place. */
    void run(
            ProfileTransactionBatches profileTransactions,
            PairArchitecture profileTransactionArchitecture,
            SameDiff profileTransactionGraph,
            SignatureBatches signatures,
            PairArchitecture signatureArchitecture,
            SameDiff signatureGraph) {
        ProgressClock clock = new ProgressClock();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            List<int[]> ptBatches = profileTransactions.epoch(config.batchSize(), random);
            List<int[]> sigBatches =
                    signatures.size() < 2
                            ? List.of()
                            : signatures.epoch(
                                    config.signatureBatchSize(),
                                    config.signaturePairsPerWriter(),
                                    random);
            EpochCounter counter =
                    new EpochCounter(epoch, ptBatches.size(), sigBatches.size(), clock);
            double ptLoss = 0;
            for (int[] rows : ptBatches) {
                MultiDataSet batch =
                        profileTransactions.batch(
                                rows, profileTransactionArchitecture, config.dropout(), random);
                ptLoss += step(profileTransactionGraph, batch);
                counter.done(PT, ptLoss);
            }
            double sigLoss = 0;
            for (int[] rows : sigBatches) {
                MultiDataSet batch =
                        signatures.batch(rows, signatureArchitecture, config.dropout(), random);
                sigLoss += step(signatureGraph, batch);
                counter.done(SIG, sigLoss);
            }
            LOG.info(
                    "Epoch {}/{}: profile~transaction loss {}, signature loss {}, {} s elapsed",
                    epoch,
                    config.epochs(),
                    String.format("%.4f", ptLoss / Math.max(1, ptBatches.size())),
                    String.format("%.4f", sigLoss / Math.max(1, sigBatches.size())),
                    clock.elapsed().toSeconds());
            if (counter.last != null) {
                listener.onEpochEnd(counter.last);
            }
        }
    }

    private double step(SameDiff graph, MultiDataSet batch) {
        graph.fit(batch, lossRecorder);
        return lossRecorder.lastLoss();
    }

    /** Counts one epoch's batches and turns them into progress reports. */
    private final class EpochCounter {
        private final int epoch;
        private final int ptBatches;
        private final int sigBatches;
        private final ProgressClock clock;
        private int ptDone;
        private int sigDone;
        private TrainingProgress last;

        EpochCounter(int epoch, int ptBatches, int sigBatches, ProgressClock clock) {
            this.epoch = epoch;
            this.ptBatches = ptBatches;
            this.sigBatches = sigBatches;
            this.clock = clock;
        }

        void done(String pair, double lossSum) {
            clock.tick(pair);
            boolean pt = pair.equals(PT);
            int done = pt ? ++ptDone : ++sigDone;
            long epochsLeft = config.epochs() - epoch;
            Map<String, Long> remaining =
                    Map.of(
                            PT, (long) (ptBatches - ptDone) + epochsLeft * ptBatches,
                            SIG, (long) (sigBatches - sigDone) + epochsLeft * sigBatches);
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
