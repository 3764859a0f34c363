package io.polygraph.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Everything that determines a CMAD training run; stored in the snapshot's manifest.
 *
 * <p>Defaults ({@link #defaults()}) follow the CMAD paper where it gives values (lambda 1, gamma
 * 0.3, Adam) and were otherwise chosen on a validation world (seed 7), never on a world a model is
 * evaluated on, and so that training on the default world (400 customers, 30 days) takes about two
 * minutes on two cores. Example: {@code TrainerConfig.builder().epochs(4).seed(7).build()} or
 * {@code TrainerConfig.defaults().withEpochs(4)}.
 *
 * @param embeddingSize r, the dimension of the profile and transaction embeddings
 * @param epochs passes over the training pairs (both modality pairs)
 * @param batchSize (profile, transaction) pairs per batch
 * @param signatureBatchSize (enrolment, presented) signature pairs per batch
 * @param signaturePairsPerWriter at most this many presented signatures per writer and epoch, so
 *     that frequent signers do not dominate and an epoch's cost is bounded
 * @param learningRate Adam's learning rate for the (profile, transaction) networks
 * @param signatureLearningRate Adam's learning rate for the signature network
 * @param lambda weight of the inconsistent-pair term of Eq. 8
 * @param gamma cosine margin of the inconsistent-pair term of Eq. 8
 * @param marginTemperature 0 for Eq. 8's hinge {@code max(0, cos - gamma)}; above 0 for its smooth
 *     version {@code t * softplus((cos - gamma) / t)}. With the hinge, every clearly inconsistent
 *     pair stops just below gamma, so a customer's first payment on a holiday and a night transfer
 *     abroad from a new device tie there, and on the validation world behaviour recall at a 0.5 %
 *     alert rate swung between 12 % and 72 % with nothing but the random seed changed; with t = 0.1
 *     the more inconsistent pair keeps being pushed further, and recall stayed above 85 % at a 0.2
 *     % alert rate across seeds (measured with the pair trained alone, single member)
 * @param dropout probability of dropping a hidden unit while training
 * @param l2 L2 regularisation coefficient of all weights
 * @param targetAlertRate share of held-out normal records allowed below the threshold
 * @param heldOutShare share of entities kept out of training for calibration and evaluation
 * @param recentLimit how many recent transactions the transaction features summarise
 * @param trainOnNormalOnly whether labelled anomalies of the training split are left out of the
 *     consistent pairs (see {@link CmadTrainer} for why this is the default)
 * @param seed root of every random choice of the run
 */
public record TrainerConfig(
        int embeddingSize,
        int epochs,
        int batchSize,
        int signatureBatchSize,
        int signaturePairsPerWriter,
        double learningRate,
        double signatureLearningRate,
        double lambda,
        double gamma,
        double marginTemperature,
        double dropout,
        double l2,
        double targetAlertRate,
        double heldOutShare,
        int recentLimit,
        boolean trainOnNormalOnly,
        long seed)
        implements CmadLossSettings {

    @JsonCreator
    public TrainerConfig(
            @JsonProperty("embeddingSize") int embeddingSize,
            @JsonProperty("epochs") int epochs,
            @JsonProperty("batchSize") int batchSize,
            @JsonProperty("signatureBatchSize") int signatureBatchSize,
            @JsonProperty("signaturePairsPerWriter") int signaturePairsPerWriter,
            @JsonProperty("learningRate") double learningRate,
            @JsonProperty("signatureLearningRate") double signatureLearningRate,
            @JsonProperty("lambda") double lambda,
            @JsonProperty("gamma") double gamma,
            @JsonProperty("marginTemperature") double marginTemperature,
            @JsonProperty("dropout") double dropout,
            @JsonProperty("l2") double l2,
            @JsonProperty("targetAlertRate") double targetAlertRate,
            @JsonProperty("heldOutShare") double heldOutShare,
            @JsonProperty("recentLimit") int recentLimit,
            @JsonProperty("trainOnNormalOnly") boolean trainOnNormalOnly,
            @JsonProperty("seed") long seed) {
        ConfigChecks.atLeast("embeddingSize", embeddingSize, 2);
        ConfigChecks.atLeast("epochs", epochs, 1);
        ConfigChecks.atLeast("batchSize", batchSize, 2);
        ConfigChecks.atLeast("signatureBatchSize", signatureBatchSize, 2);
        ConfigChecks.atLeast("signaturePairsPerWriter", signaturePairsPerWriter, 1);
        ConfigChecks.atLeast("recentLimit", recentLimit, 0);
        ConfigChecks.open("learningRate", learningRate, 0, 1);
        ConfigChecks.open("signatureLearningRate", signatureLearningRate, 0, 1);
        CmadLossSettings.check(lambda, gamma, marginTemperature, l2);
        ConfigChecks.closed("dropout", dropout, 0, 0.9);
        ConfigChecks.open("targetAlertRate", targetAlertRate, 0, 0.5);
        ConfigChecks.open("heldOutShare", heldOutShare, 0, 1);
        this.embeddingSize = embeddingSize;
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.signatureBatchSize = signatureBatchSize;
        this.signaturePairsPerWriter = signaturePairsPerWriter;
        this.learningRate = learningRate;
        this.signatureLearningRate = signatureLearningRate;
        this.lambda = lambda;
        this.gamma = gamma;
        this.marginTemperature = marginTemperature;
        this.dropout = dropout;
        this.l2 = l2;
        this.targetAlertRate = targetAlertRate;
        this.heldOutShare = heldOutShare;
        this.recentLimit = recentLimit;
        this.trainOnNormalOnly = trainOnNormalOnly;
        this.seed = seed;
    }

    /** The defaults: r 32, lambda 1, gamma 0.3, a 0.5 % alert rate, 20 recent transactions. */
    public static TrainerConfig defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static TrainerConfigBuilder builder() {
        return new TrainerConfigBuilder();
    }

    /** A builder holding this configuration's values. */
    public TrainerConfigBuilder toBuilder() {
        return new TrainerConfigBuilder(this);
    }

    /** This configuration with another number of epochs. */
    public TrainerConfig withEpochs(int value) {
        return toBuilder().epochs(value).build();
    }

    /** This configuration with another seed. */
    public TrainerConfig withSeed(long value) {
        return toBuilder().seed(value).build();
    }

    /** This configuration with another target alert rate. */
    public TrainerConfig withTargetAlertRate(double value) {
        return toBuilder().targetAlertRate(value).build();
    }
}
