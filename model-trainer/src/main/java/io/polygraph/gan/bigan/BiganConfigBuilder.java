package io.polygraph.gan.bigan;

import io.polygraph.mixture.MixtureConfig;
import io.polygraph.train.InputScaling;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link BiganConfig}, starting from the defaults; {@link #build()} validates every value
 * (see the record's constructor). Example: {@code
 * BiganConfig.builder().latentWidth(4).mixture(MixtureConfig.defaults().withSeed(3)).build()}.
 */
public final class BiganConfigBuilder {

    private List<Integer> encoderHidden = List.of(128, 128);
    private List<Integer> generatorHidden = List.of(128, 128);
    private List<Integer> discriminatorHidden = List.of(128, 128);
    private int latentWidth = 16;
    private double reconstructionWeight = 1;
    private double egbadWeight = 0.9;
    private int batchSize = 100;
    private int epochs = 50;
    private double learningRate = 1e-5;
    private double beta1 = 0.5;
    private InputScaling inputScaling = InputScaling.STANDARDISED;
    private MixtureConfig mixture = MixtureConfig.defaults();
    private long seed = 42L;

    BiganConfigBuilder() {}

    BiganConfigBuilder(BiganConfig config) {
        encoderHidden = config.encoderHidden();
        generatorHidden = config.generatorHidden();
        discriminatorHidden = config.discriminatorHidden();
        latentWidth = config.latentWidth();
        reconstructionWeight = config.reconstructionWeight();
        egbadWeight = config.egbadWeight();
        batchSize = config.batchSize();
        epochs = config.epochs();
        learningRate = config.learningRate();
        beta1 = config.beta1();
        inputScaling = config.inputScaling();
        mixture = config.mixture();
        seed = config.seed();
    }

    public BiganConfigBuilder encoderHidden(List<Integer> value) {
        encoderHidden = Objects.requireNonNull(value, "encoderHidden");
        return this;
    }

    public BiganConfigBuilder generatorHidden(List<Integer> value) {
        generatorHidden = Objects.requireNonNull(value, "generatorHidden");
        return this;
    }

    public BiganConfigBuilder discriminatorHidden(List<Integer> value) {
        discriminatorHidden = Objects.requireNonNull(value, "discriminatorHidden");
        return this;
    }

    public BiganConfigBuilder latentWidth(int value) {
        latentWidth = value;
        return this;
    }

    public BiganConfigBuilder reconstructionWeight(double value) {
        reconstructionWeight = value;
        return this;
    }

    public BiganConfigBuilder egbadWeight(double value) {
        egbadWeight = value;
        return this;
    }

    public BiganConfigBuilder batchSize(int value) {
        batchSize = value;
        return this;
    }

    public BiganConfigBuilder epochs(int value) {
        epochs = value;
        return this;
    }

    public BiganConfigBuilder learningRate(double value) {
        learningRate = value;
        return this;
    }

    public BiganConfigBuilder beta1(double value) {
        beta1 = value;
        return this;
    }

    public BiganConfigBuilder inputScaling(InputScaling value) {
        inputScaling = Objects.requireNonNull(value, "inputScaling");
        return this;
    }

    public BiganConfigBuilder mixture(MixtureConfig value) {
        mixture = Objects.requireNonNull(value, "mixture");
        return this;
    }

    public BiganConfigBuilder seed(long value) {
        seed = value;
        return this;
    }

    /** The configuration; throws {@link IllegalArgumentException} naming any invalid value. */
    public BiganConfig build() {
        return new BiganConfig(
                encoderHidden,
                generatorHidden,
                discriminatorHidden,
                latentWidth,
                reconstructionWeight,
                egbadWeight,
                batchSize,
                epochs,
                learningRate,
                beta1,
                inputScaling,
                mixture,
                seed);
    }
}
