package io.polygraph.gan.mmoc;

import io.polygraph.detector.Quantiles;
import io.polygraph.gan.AlternatingTraining;
import io.polygraph.gan.EpochLosses;
import io.polygraph.gan.GaussianNoise;
import io.polygraph.gan.TrainingRows;
import io.polygraph.train.TrainingListener;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trains MMOC-GAN on normal feature vectors: first the target network (the density estimate), then
 * the complementary GAN whose discriminator becomes the detector.
 *
 * <p>Steps: (1) fit the input scaling on the rows; (2) train the target network ({@link
 * DensityTargetGraph}) against rows from a {@link ReferenceSample} for {@link
 * MmocConfig#targetEpochs()}; (3) set epsilon to the {@link MmocConfig#densityPercentile()}th
 * percentile of its output on the rows; (4) train the complementary GAN ({@link
 * ComplementaryGanGraph}) for {@link MmocConfig#epochs()}, per batch one discriminator step then
 * one generator step on the same real rows, noise and codes, the codes drawn from Q on the real
 * rows ({@link CodeSampler}); (5) copy the discriminator into a scoring graph and set the threshold
 * by the configured rule on the training rows' scores.
 *
 * <p>Deterministic: every random choice (weights, batch order, noise, codes) comes from streams
 * split off the configuration's seed, none from ND4J's global generator; with single-threaded ND4J
 * the same rows and configuration give bit-identical scores. Runs on the caller's thread. Usage:
 * {@code MmocModel model = new MmocTrainer(MmocConfig.defaults()).train(rows,
 * TrainingListener.NONE).model();}
 */
public final class MmocTrainer {

    /** The {@link io.polygraph.train.TrainingProgress#pair()} while the target network trains. */
    public static final String TARGET_PROGRESS = "mmoc target";

    /**
     * The {@link io.polygraph.train.TrainingProgress#pair()} while the complementary GAN trains.
     */
    public static final String PROGRESS = "mmoc";

    private final MmocConfig config;

    public MmocTrainer(MmocConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Trains on {@code normalRows}, [rows, d], presumed normal.
     *
     * @throws IllegalArgumentException when there are fewer than two rows or a value is not finite
     * @throws io.polygraph.gan.TrainingDivergedException when a loss or the training rows' scores
     *     diverge ({@link io.polygraph.gan.DivergenceCheck})
     */
    public MmocTraining train(INDArray normalRows, TrainingListener listener) {
        Objects.requireNonNull(listener, "listener");
        TrainingRows rows = TrainingRows.of(normalRows, config.inputScaling());
        INDArray x = rows.scaled();
        int width = rows.width();
        Streams streams = Streams.of(config.seed());

        listener.onStage("training the MMOC-GAN target network");
        DensityTargetGraph target = DensityTargetGraph.build(width, config, streams.targetWeights);
        EpochLosses targetLosses = trainTarget(target, x, streams, listener);
        double epsilonLogit = epsilonLogit(target, x);

        listener.onStage("training MMOC-GAN");
        ComplementaryGanGraph gan =
                ComplementaryGanGraph.build(
                        width, config, target.network, epsilonLogit, streams.ganWeights);
        EpochLosses losses =
                new AlternatingTraining(
                                gan.game,
                                List.of(gan.discriminator, gan.generator),
                                config.batchSize(),
                                PROGRESS)
                        .run(
                                rows.count(),
                                config.epochs(),
                                batch -> feed(gan, x.getRows(batch), streams),
                                streams.batches,
                                listener);

        listener.onStage("choosing the MMOC-GAN threshold");
        MmocModel model =
                new MmocModel(
                                MmocModel.scoringGraph(gan.discriminatorNetwork, width),
                                rows.standardizer(),
                                config.thresholdRule(),
                                Double.NaN)
                        .thresholdedOn(normalRows);
        return new MmocTraining(
                model,
                losses.of(gan.discriminator),
                losses.of(gan.generator),
                targetLosses.of(target.classifier),
                1 / (1 + Math.exp(-epsilonLogit)));
    }

    /** Trains the target network on the scaled rows {@code x} against reference rows. */
    private EpochLosses trainTarget(
            DensityTargetGraph target, INDArray x, Streams streams, TrainingListener listener) {
        ReferenceSample reference = ReferenceSample.fittedTo(x);
        return new AlternatingTraining(
                        target.game,
                        List.of(target.classifier),
                        config.batchSize(),
                        TARGET_PROGRESS)
                .run(
                        (int) x.size(0),
                        config.targetEpochs(),
                        rows ->
                                Map.of(
                                        DensityTargetGraph.REAL,
                                        x.getRows(rows),
                                        DensityTargetGraph.REFERENCE,
                                        reference.sample(rows.length, streams.noise)),
                        streams.batches,
                        listener);
    }

    /** The placeholders of one complementary-GAN batch: real rows, noise, codes from Q. */
    private Map<String, INDArray> feed(ComplementaryGanGraph gan, INDArray real, Streams streams) {
        INDArray probabilities =
                gan.game
                        .output(
                                Map.of(ComplementaryGanGraph.REAL, real),
                                ComplementaryGanGraph.REAL_CODE_PROBABILITIES)
                        .get(ComplementaryGanGraph.REAL_CODE_PROBABILITIES);
        int rows = (int) real.size(0);
        return Map.of(
                ComplementaryGanGraph.REAL,
                real,
                ComplementaryGanGraph.NOISE,
                GaussianNoise.sample(rows, config.noiseWidth(), streams.noise),
                ComplementaryGanGraph.CODES,
                CodeSampler.sample(probabilities, streams.codes));
    }

    /** Epsilon as a target logit: the configured percentile of the target's logits on the rows. */
    private double epsilonLogit(DensityTargetGraph target, INDArray x) {
        long rows = x.size(0);
        double[] logits = new double[Math.toIntExact(rows)];
        for (long start = 0; start < rows; start += MmocModel.CHUNK) {
            long end = Math.min(rows, start + MmocModel.CHUNK);
            INDArray chunk = x.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
            double[] values =
                    target.game
                            .output(
                                    Map.of(DensityTargetGraph.REAL, chunk),
                                    DensityTargetGraph.REAL_LOGITS)
                            .get(DensityTargetGraph.REAL_LOGITS)
                            .castTo(DataType.DOUBLE)
                            .data()
                            .asDouble();
            System.arraycopy(values, 0, logits, (int) start, values.length);
        }
        Arrays.sort(logits);
        return Quantiles.of(logits, config.densityPercentile() / 100);
    }

    /**
     * The run's random streams, split off the seed in a fixed order, so that how much one part
     * draws does not change what another part gets.
     */
    private record Streams(
            SplittableRandom targetWeights,
            SplittableRandom ganWeights,
            SplittableRandom batches,
            SplittableRandom noise,
            SplittableRandom codes) {

        static Streams of(long seed) {
            SplittableRandom root = new SplittableRandom(seed);
            return new Streams(
                    root.split(), root.split(), root.split(), root.split(), root.split());
        }
    }
}
