package io.polygraph.gan.bigan;

import io.polygraph.gan.AlternatingTraining;
import io.polygraph.gan.DivergenceCheck;
import io.polygraph.gan.EpochLosses;
import io.polygraph.gan.GaussianNoise;
import io.polygraph.gan.TrainingRows;
import io.polygraph.mixture.InfiniteGaussianMixture;
import io.polygraph.train.TrainingListener;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains IGMM-BiGAN on normal feature vectors: a BiGAN with a reconstruction term, then an infinite
 * Gaussian mixture (and the single-Gaussian baseline) on the encoded training rows.
 *
 * <p>Steps: (1) fit the input scaling on the rows; (2) train the BiGAN ({@link BiganGraph}) for
 * {@link BiganConfig#epochs()}, per batch one discriminator step then one encoder/generator step on
 * the same real rows and noise; (3) copy the networks into a scoring graph and encode the training
 * rows; (4) fit the mixture ({@link InfiniteGaussianMixture#fit}, configured by {@link
 * BiganConfig#mixture()}) and the single Gaussian ({@link LatentGaussian}) to those codes.
 *
 * <p>Deterministic: every random choice of the networks (weights, batch order, noise) comes from
 * streams split off the configuration's seed, none from ND4J's global generator, and the mixture
 * has its own seed; with single-threaded ND4J the same rows and configuration give bit-identical
 * scores. Runs on the caller's thread. Usage: {@code BiganModel model = new
 * BiganTrainer(BiganConfig.defaults()).train(rows, TrainingListener.NONE).model();}
 */
public final class BiganTrainer {

    /** The {@link io.polygraph.train.TrainingProgress#pair()} while the BiGAN trains. */
    public static final String PROGRESS = "igmm-bigan";

    private final BiganConfig config;

    public BiganTrainer(BiganConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Trains on {@code normalRows}, [rows, d], presumed normal.
     *
     * @throws IllegalArgumentException when there are fewer than two rows, a value is not finite,
     *     or no mixture cluster has more than the configured minimum size
     * @throws io.polygraph.gan.TrainingDivergedException when a loss or a training row's latent
     *     code stops being finite ({@link DivergenceCheck})
     */
    public BiganTraining train(INDArray normalRows, TrainingListener listener) {
        Objects.requireNonNull(listener, "listener");
        TrainingRows rows = TrainingRows.of(normalRows, config.inputScaling());
        INDArray x = rows.scaled();
        int width = rows.width();
        SplittableRandom root = new SplittableRandom(config.seed());
        SplittableRandom weights = root.split();
        SplittableRandom batches = root.split();
        SplittableRandom noise = root.split();

        listener.onStage("training IGMM-BiGAN");
        BiganGraph gan = BiganGraph.build(width, config, weights);
        EpochLosses losses =
                new AlternatingTraining(
                                gan.game,
                                List.of(gan.discriminator, gan.encoderGenerator),
                                config.batchSize(),
                                PROGRESS)
                        .run(
                                rows.count(),
                                config.epochs(),
                                batch ->
                                        Map.of(
                                                BiganGraph.REAL,
                                                x.getRows(batch),
                                                BiganGraph.NOISE,
                                                GaussianNoise.sample(
                                                        batch.length, config.latentWidth(), noise)),
                                batches,
                                listener);

        listener.onStage("fitting the IGMM-BiGAN latent mixture");
        ScoringPass pass = new ScoringPass(ScoringPass.graphOf(gan, width), rows.standardizer());
        double[][] latent = pass.run(normalRows).latent;
        // NaN codes would reach the mixture fit and fail there with a misleading message.
        DivergenceCheck.finiteOutputs(PROGRESS, "latent codes", latent);
        BiganModel model =
                new BiganModel(
                        pass,
                        InfiniteGaussianMixture.fit(latent, config.mixture()),
                        LatentGaussian.fit(latent),
                        config.egbadWeight());
        return new BiganTraining(
                model, losses.of(gan.discriminator), losses.of(gan.encoderGenerator));
    }
}
