package io.polygraph.train;

/**
 * Builds a {@link TrainerConfig}, starting from the defaults; {@link #build()} validates every
 * value (see the record's constructor). Example: {@code
 * TrainerConfig.builder().epochs(4).targetAlertRate(0.002).build()}.
 */
public final class TrainerConfigBuilder {

    private int embeddingSize = 32;
    private int epochs = 10;
    private int batchSize = 128;
    private int signatureBatchSize = 32;
    private int signaturePairsPerWriter = 3;
    private double learningRate = 0.003;
    private double signatureLearningRate = 0.005;
    private double lambda = 1.0;
    private double gamma = 0.3;
    private double marginTemperature = 0.1;
    private double dropout = 0.1;
    private double l2 = 1e-4;
    private double targetAlertRate = 0.005;
    private double heldOutShare = 0.2;
    private int recentLimit = 20;
    private boolean trainOnNormalOnly = true;
    private long seed = 42L;

    TrainerConfigBuilder() {}

    TrainerConfigBuilder(TrainerConfig config) {
        embeddingSize = config.embeddingSize();
        epochs = config.epochs();
        batchSize = config.batchSize();
        signatureBatchSize = config.signatureBatchSize();
        signaturePairsPerWriter = config.signaturePairsPerWriter();
        learningRate = config.learningRate();
        signatureLearningRate = config.signatureLearningRate();
        lambda = config.lambda();
        gamma = config.gamma();
        marginTemperature = config.marginTemperature();
        dropout = config.dropout();
        l2 = config.l2();
        targetAlertRate = config.targetAlertRate();
        heldOutShare = config.heldOutShare();
        recentLimit = config.recentLimit();
        trainOnNormalOnly = config.trainOnNormalOnly();
        seed = config.seed();
    }

    public TrainerConfigBuilder embeddingSize(int value) {
        embeddingSize = value;
        return this;
    }

    public TrainerConfigBuilder epochs(int value) {
        epochs = value;
        return this;
    }

    public TrainerConfigBuilder batchSize(int value) {
        batchSize = value;
        return this;
    }

    public TrainerConfigBuilder signatureBatchSize(int value) {
        signatureBatchSize = value;
        return this;
    }

    public TrainerConfigBuilder signaturePairsPerWriter(int value) {
        signaturePairsPerWriter = value;
        return this;
    }

    public TrainerConfigBuilder learningRate(double value) {
        learningRate = value;
        return this;
    }

    public TrainerConfigBuilder signatureLearningRate(double value) {
        signatureLearningRate = value;
        return this;
    }

    public TrainerConfigBuilder lambda(double value) {
        lambda = value;
        return this;
    }

    public TrainerConfigBuilder gamma(double value) {
        gamma = value;
        return this;
    }

    public TrainerConfigBuilder marginTemperature(double value) {
        marginTemperature = value;
        return this;
    }

    public TrainerConfigBuilder dropout(double value) {
        dropout = value;
        return this;
    }

    public TrainerConfigBuilder l2(double value) {
        l2 = value;
        return this;
    }

    public TrainerConfigBuilder targetAlertRate(double value) {
        targetAlertRate = value;
        return this;
    }

    public TrainerConfigBuilder heldOutShare(double value) {
        heldOutShare = value;
        return this;
    }

    public TrainerConfigBuilder recentLimit(int value) {
        recentLimit = value;
        return this;
    }

    public TrainerConfigBuilder trainOnNormalOnly(boolean value) {
        trainOnNormalOnly = value;
        return this;
    }

    public TrainerConfigBuilder seed(long value) {
        seed = value;
        return this;
    }

    /** The configuration; throws IllegalArgumentException naming the first invalid value. */
    public TrainerConfig build() {
        return new TrainerConfig(
                embeddingSize,
                epochs,
                batchSize,
                signatureBatchSize,
                signaturePairsPerWriter,
                learningRate,
                signatureLearningRate,
                lambda,
                gamma,
                marginTemperature,
                dropout,
                l2,
                targetAlertRate,
                heldOutShare,
                recentLimit,
                trainOnNormalOnly,
                seed);
    }
}
