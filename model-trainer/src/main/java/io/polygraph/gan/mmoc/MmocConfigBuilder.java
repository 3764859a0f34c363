package io.polygraph.gan.mmoc;

import io.polygraph.train.InputScaling;
import java.util.List;
import java.util.Objects;

/**
 * Builds an {@link MmocConfig}, starting from the defaults; {@link #build()} validates every value
 * (see the record's constructor). Example: {@code
 * MmocConfig.builder().codes(5).codeInput(CodeInput.MIXTURE).epochs(20).build()}.
 */
public final class MmocConfigBuilder {

    private List<Integer> discriminatorHidden = List.of(128, 128);
    private List<Integer> generatorHidden = List.of(128);
    private int noiseWidth = 50;
    private int codes = 10;
    private CodeInput codeInput = CodeInput.CONCATENATED;
    private double sigmaWeight = 0.03;
    private double entropyWeight = 1.85;
    private double densityPercentile = 5;
    private int batchSize = 100;
    private int epochs = 50;
    private int targetEpochs = 20;
    private double learningRate = 1e-3;
    private ThresholdRule thresholdRule = ThresholdRule.TRAINING_PERCENTILE;
    private InputScaling inputScaling = InputScaling.STANDARDISED;
    private long seed = 42L;

    MmocConfigBuilder() {}

    MmocConfigBuilder(MmocConfig config) {
        discriminatorHidden = config.discriminatorHidden();
        generatorHidden = config.generatorHidden();
        noiseWidth = config.noiseWidth();
        codes = config.codes();
        codeInput = config.codeInput();
        sigmaWeight = config.sigmaWeight();
        entropyWeight = config.entropyWeight();
        densityPercentile = config.densityPercentile();
        batchSize = config.batchSize();
        epochs = config.epochs();
        targetEpochs = config.targetEpochs();
        learningRate = config.learningRate();
        thresholdRule = config.thresholdRule();
        inputScaling = config.inputScaling();
        seed = config.seed();
    }

    public MmocConfigBuilder discriminatorHidden(List<Integer> value) {
        discriminatorHidden = Objects.requireNonNull(value, "discriminatorHidden");
        return this;
    }

    public MmocConfigBuilder generatorHidden(List<Integer> value) {
        generatorHidden = Objects.requireNonNull(value, "generatorHidden");
        return this;
    }

    public MmocConfigBuilder noiseWidth(int value) {
        noiseWidth = value;
        return this;
    }

    public MmocConfigBuilder codes(int value) {
        codes = value;
        return this;
    }

    public MmocConfigBuilder codeInput(CodeInput value) {
        codeInput = Objects.requireNonNull(value, "codeInput");
        return this;
    }

    public MmocConfigBuilder sigmaWeight(double value) {
        sigmaWeight = value;
        return this;
    }

    public MmocConfigBuilder entropyWeight(double value) {
        entropyWeight = value;
        return this;
    }

    public MmocConfigBuilder densityPercentile(double value) {
        densityPercentile = value;
        return this;
    }

    public MmocConfigBuilder batchSize(int value) {
        batchSize = value;
        return this;
    }

    public MmocConfigBuilder epochs(int value) {
        epochs = value;
        return this;
    }

    public MmocConfigBuilder targetEpochs(int value) {
        targetEpochs = value;
        return this;
    }

    public MmocConfigBuilder learningRate(double value) {
        learningRate = value;
        return this;
    }

    public MmocConfigBuilder thresholdRule(ThresholdRule value) {
        thresholdRule = Objects.requireNonNull(value, "thresholdRule");
        return this;
    }

    public MmocConfigBuilder inputScaling(InputScaling value) {
        inputScaling = Objects.requireNonNull(value, "inputScaling");
        return this;
    }

    public MmocConfigBuilder seed(long value) {
        seed = value;
        return this;
    }

    /** The configuration; throws {@link IllegalArgumentException} naming any invalid value. */
    public MmocConfig build() {
        return new MmocConfig(
                discriminatorHidden,
                generatorHidden,
                noiseWidth,
                codes,
                codeInput,
                sigmaWeight,
                entropyWeight,
                densityPercentile,
                batchSize,
                epochs,
                targetEpochs,
                learningRate,
                thresholdRule,
                inputScaling,
                seed);
    }
}
