package io.polygraph.train;

import io.polygraph.data.SignatureWriter;
import io.polygraph.detector.FeatureArrays;
import io.polygraph.detector.ModalityPair;
import io.polygraph.detector.PairNetwork;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SameDiff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the siamese signature network of the CMAD detector ({@link SignatureArchitecture}, Eq. 8
 * loss) on real writers' signatures, for the real-signature protocol.
 *
 * <p>The same architecture, loss and graphs as the signature pair of {@link CmadTrainer}; only the
 * pairs differ, because real writers give what the synthetic world does not: several genuine
 * signatures per writer and real skilled forgeries ({@link WriterPairBatches}). No threshold is set
 * here: the protocol compares a presented signature with several enrolled ones, so the caller sets
 * it on the scores it computes. Runs on the caller's thread; not reentrant.
 */
public final class SignaturePairTrainer {

    /** The pair's name in progress reports and loss curves. */
    public static final String PAIR = ModalityPair.SIGNATURE.contributionName();

    private static final Logger LOG = LoggerFactory.getLogger(SignaturePairTrainer.class);
    private static final int CHUNK = 1024;

    private final SignaturePairConfig config;

    public SignaturePairTrainer(SignaturePairConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * What a run produced: the inference network (dropout off) and the mean loss of each epoch. Not
     * thread-safe (see {@link PairNetwork}).
     */
    public record Result(PairNetwork network, List<Double> epochLosses, Duration duration) {

        /** Cosine of each (enrolled, presented) pair of canvases, one network run per chunk. */
        public double[] cosines(List<float[]> enrolled, List<float[]> presented) {
            if (enrolled.size() != presented.size()) {
                throw new IllegalArgumentException(
                        enrolled.size() + " enrolled but " + presented.size() + " presented");
            }
            long[] shape = new SignatureArchitecture().shapeA();
            double[] cosines = new double[enrolled.size()];
            for (int start = 0; start < enrolled.size(); start += CHUNK) {
                int end = Math.min(enrolled.size(), start + CHUNK);
                double[] chunk =
                        network.cosines(
                                FeatureArrays.tensor(enrolled.subList(start, end), shape),
                                FeatureArrays.tensor(presented.subList(start, end), shape));
                System.arraycopy(chunk, 0, cosines, start, chunk.length);
            }
            return cosines;
        }
    }

    /**
     * Trains on {@code writers}' signatures.
     *
     * @throws IllegalArgumentException when fewer than two writers are given
     */
    public Result train(List<SignatureWriter> writers, TrainingListener listener) {
        long started = System.nanoTime();
        SignatureArchitecture architecture = new SignatureArchitecture();
        WriterPairBatches batches = new WriterPairBatches(writers, config, architecture);
        SameDiff graph =
                PairGraphs.training(architecture, config, config.learningRate(), config.seed());
        listener.onStage("training");
        List<Double> losses =
                new SinglePairLoop<List<WriterPairBatches.Pair>>(PAIR, config.epochs(), listener)
                        .run(graph, batches, new SplittableRandom(config.seed() ^ 0x5DEECE66DL));
        PairNetwork network = PairGraphs.toInference(architecture, graph);
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        LOG.info(
                "Trained the signature pair on {} writers in {} s; last epoch's loss {}",
                writers.size(),
                duration.toSeconds(),
                String.format("%.4f", losses.get(losses.size() - 1)));
        return new Result(network, List.copyOf(losses), duration);
    }
}
