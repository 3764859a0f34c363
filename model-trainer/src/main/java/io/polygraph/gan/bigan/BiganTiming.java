package io.polygraph.gan.bigan;

import io.polygraph.gan.GaussianBlobs;
import io.polygraph.train.TrainingListener;
import io.polygraph.train.TrainingProgress;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A benchmark, not a test: trains IGMM-BiGAN with the default sizes (hidden 128, latent 16, batch
 * 100, the mixture's 500 sweeps) on rows from a few Gaussians and prints the seconds per BiGAN
 * epoch, the seconds of the mixture fit, and the seconds to score the training rows.
 *
 * <p>Run after {@code mvn -o -q -pl model-trainer compile}, with this module's runtime classpath
 * (ND4J), and {@code OMP_NUM_THREADS=1} to measure one core:
 *
 * <pre>
 * java -cp model-trainer/target/classes:$(cat cp.txt) io.polygraph.gan.bigan.BiganTiming [rows]
 *     [dimension] [epochs]
 * </pre>
 *
 * Defaults: 2,000 rows of dimension 32 from 5 Gaussians, 3 epochs.
 */
public final class BiganTiming {

    private BiganTiming() {}

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int dimension = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        BiganConfig config = BiganConfig.builder().epochs(epochs).build();
        INDArray x = GaussianBlobs.sample(rows, dimension, 5, 42);
        StageClock clock = new StageClock();
        BiganModel model = new BiganTrainer(config).train(x, clock).model();
        double trained = clock.seconds();
        long start = System.nanoTime();
        model.scores(x);
        double scoring = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "rows %d, dimension %d, latent %d, hidden %s, batch %d: %.1f s in all; BiGAN"
                        + " %.2f s per epoch (after the first), mixture fit %.1f s (%d kept"
                        + " clusters), scoring all rows %.2f s%n",
                rows,
                dimension,
                config.latentWidth(),
                config.encoderHidden(),
                config.batchSize(),
                trained,
                clock.perEpoch,
                trained - clock.mixtureStart,
                model.mixture().clusters().size(),
                scoring);
    }

    /** Seconds since start at each stage, and the mean epoch time after the first. */
    private static final class StageClock implements TrainingListener {
        private final long start = System.nanoTime();
        private double firstEpoch;
        private double perEpoch = Double.NaN;
        private double mixtureStart = Double.NaN;

        double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }

        @Override
        public void onStage(String stage) {
            if (stage.contains("mixture")) {
                mixtureStart = seconds();
            }
        }

        @Override
        public void onEpochEnd(TrainingProgress progress) {
            double elapsed = progress.elapsed().toNanos() / 1e9;
            if (progress.epoch() == 1) {
                firstEpoch = elapsed;
                perEpoch = elapsed;
            } else {
                perEpoch = (elapsed - firstEpoch) / (progress.epoch() - 1);
            }
        }
    }
}
