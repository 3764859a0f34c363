package io.polygraph.gan.mmoc;

import io.polygraph.gan.GaussianBlobs;
import io.polygraph.train.TrainingListener;
import io.polygraph.train.TrainingProgress;

/**
 * A benchmark, not a test: trains MMOC-GAN with the paper's sizes (hidden 128, batch 100, {@code m
 * = 10}) on rows from a few Gaussians and prints the seconds per epoch of the target network and of
 * the complementary GAN.
 *
 * <p>Run after {@code mvn -o -q -pl model-trainer compile}, with this module's runtime classpath
 * (ND4J), and {@code OMP_NUM_THREADS=1} to measure one core:
 *
 * <pre>
 * java -cp model-trainer/target/classes:$(cat cp.txt) io.polygraph.gan.mmoc.MmocTiming [rows]
 *     [dimension] [epochs] [targetEpochs]
 * </pre>
 *
 * Defaults: 5,000 rows of dimension 32 from 5 Gaussians, 3 epochs and 3 target epochs.
 */
public final class MmocTiming {

    private MmocTiming() {}

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int dimension = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int targetEpochs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        MmocConfig config = MmocConfig.builder().epochs(epochs).targetEpochs(targetEpochs).build();
        EpochTimes times = new EpochTimes();
        long start = System.nanoTime();
        new MmocTrainer(config).train(GaussianBlobs.sample(rows, dimension, 5, 42), times);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "rows %d, dimension %d, hidden %s/%s, batch %d, m %d: %.1f s in all; target"
                        + " network %.2f s per epoch, MMOC-GAN %.2f s per epoch (after the"
                        + " first)%n",
                rows,
                dimension,
                config.discriminatorHidden(),
                config.generatorHidden(),
                config.batchSize(),
                config.codes(),
                seconds,
                times.perEpoch(MmocTrainer.TARGET_PROGRESS),
                times.perEpoch(MmocTrainer.PROGRESS));
    }

    /** Mean wall time of the epochs after the first (which includes warm-up), per phase. */
    private static final class EpochTimes implements TrainingListener {
        private final java.util.Map<String, double[]> sums = new java.util.HashMap<>();

        @Override
        public void onEpochEnd(TrainingProgress progress) {
            double[] sum = sums.computeIfAbsent(progress.pair(), k -> new double[3]);
            double elapsed = progress.elapsed().toNanos() / 1e9;
            if (progress.epoch() == 1) {
                sum[0] = elapsed;
            } else {
                sum[1] = elapsed - sum[0];
                sum[2] = progress.epoch() - 1;
            }
        }

        double perEpoch(String phase) {
            double[] sum = sums.get(phase);
            return sum == null ? Double.NaN : sum[2] > 0 ? sum[1] / sum[2] : sum[0];
        }
    }
}
