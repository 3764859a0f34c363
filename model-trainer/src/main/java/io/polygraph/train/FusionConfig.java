package io.polygraph.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.polygraph.fusion.DetectionHead;
import io.polygraph.fusion.FusionMode;
import java.util.Objects;

/**
 * Hyper-parameters of a DMAFN fusion detector ({@link FusionTrainer}).
 *
 * <p>Defaults ({@link #defaults()}): attention fusion and the autoencoder head; embeddings of 24
 * per modality, hidden layers of 64, a fused representation of 16 (narrower than the modalities
 * together, so that the decoders must rely on what the modalities say of each other); an LSTM over
 * the last 8 transactions; each modality hidden from the network with probability 0.25 per training
 * record (modality dropout: the decoders learn to rebuild a modality from the others, and scoring
 * with a modality missing is what training did a quarter of the time); 10 epochs of Adam at 1e-3;
 * batches of 128 (SameDiff's fixed cost per operation weighs heavily on small batches of this graph
 * of many small operations: on the 2-core build machine a training batch cost 25 ms per record at
 * 64 records and 14 ms at 256); a 1 % alert rate on held-out normal records.
 *
 * @param mode how modalities are fused
 * @param head autoencoder (unsupervised) or classifier (needs labels)
 * @param embeddingSize size of each modality's embedding
 * @param hiddenSize width of the extractors' and heads' hidden layers
 * @param fusedSize size of the fused representation
 * @param historySteps recent transactions the LSTM reads
 * @param recentLimit recent transactions the tabular transaction features summarise
 * @param modalityDropout probability of hiding each present modality of a training record
 * @param epochs passes over the training records
 * @param batchSize records per batch
 * @param learningRate Adam's step size
 * @param l2 weight decay
 * @param targetAlertRate share of held-out normal records allowed to alert
 * @param heldOutShare share of entities kept out of training for calibration
 * @param trainOnNormalOnly autoencoder head: leave labelled anomalies out of training
 * @param seed seed of weights, batches and modality dropout
 */
public record FusionConfig(
        FusionMode mode,
        DetectionHead head,
        int embeddingSize,
        int hiddenSize,
        int fusedSize,
        int historySteps,
        int recentLimit,
        double modalityDropout,
        int epochs,
        int batchSize,
        double learningRate,
        double l2,
        double targetAlertRate,
        double heldOutShare,
        boolean trainOnNormalOnly,
        long seed) {

    @JsonCreator
    public FusionConfig(
            @JsonProperty("mode") FusionMode mode,
            @JsonProperty("head") DetectionHead head,
            @JsonProperty("embeddingSize") int embeddingSize,
            @JsonProperty("hiddenSize") int hiddenSize,
            @JsonProperty("fusedSize") int fusedSize,
            @JsonProperty("historySteps") int historySteps,
            @JsonProperty("recentLimit") int recentLimit,
            @JsonProperty("modalityDropout") double modalityDropout,
            @JsonProperty("epochs") int epochs,
            @JsonProperty("batchSize") int batchSize,
            @JsonProperty("learningRate") double learningRate,
            @JsonProperty("l2") double l2,
            @JsonProperty("targetAlertRate") double targetAlertRate,
            @JsonProperty("heldOutShare") double heldOutShare,
            @JsonProperty("trainOnNormalOnly") boolean trainOnNormalOnly,
            @JsonProperty("seed") long seed) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.head = Objects.requireNonNull(head, "head");
        ConfigChecks.atLeast("embeddingSize", embeddingSize, 2);
        ConfigChecks.atLeast("hiddenSize", hiddenSize, 2);
        ConfigChecks.atLeast("fusedSize", fusedSize, 2);
        // One step would make the history mask's sum a reduction over a dimension of length 1,
        // which SameDiff 1.0.0-M2.1 fails on (see FusionInputs.MIN_IMAGES).
        ConfigChecks.atLeast("historySteps", historySteps, 2);
        ConfigChecks.atLeast("recentLimit", recentLimit, 0);
        ConfigChecks.closed("modalityDropout", modalityDropout, 0, 0.9);
        ConfigChecks.atLeast("epochs", epochs, 1);
        ConfigChecks.atLeast("batchSize", batchSize, 2);
        ConfigChecks.open("learningRate", learningRate, 0, 1);
        ConfigChecks.closed("l2", l2, 0, 1);
        ConfigChecks.open("targetAlertRate", targetAlertRate, 0, 0.5);
        ConfigChecks.open("heldOutShare", heldOutShare, 0, 1);
        this.embeddingSize = embeddingSize;
        this.hiddenSize = hiddenSize;
        this.fusedSize = fusedSize;
        this.historySteps = historySteps;
        this.recentLimit = recentLimit;
        this.modalityDropout = modalityDropout;
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.l2 = l2;
        this.targetAlertRate = targetAlertRate;
        this.heldOutShare = heldOutShare;
        this.trainOnNormalOnly = trainOnNormalOnly;
        this.seed = seed;
    }

    /** The defaults described above. */
    public static FusionConfig defaults() {
        return new Builder().build();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** This configuration with another fusion mode. */
    public FusionConfig withMode(FusionMode value) {
        return toBuilder().mode(value).build();
    }

    /** This configuration with another detection head. */
    public FusionConfig withHead(DetectionHead value) {
        return toBuilder().head(value).build();
    }

    /** This configuration with another number of epochs. */
    public FusionConfig withEpochs(int value) {
        return toBuilder().epochs(value).build();
    }

    /** This configuration with another seed. */
    public FusionConfig withSeed(long value) {
        return toBuilder().seed(value).build();
    }

    /** This configuration with another target alert rate. */
    public FusionConfig withTargetAlertRate(double value) {
        return toBuilder().targetAlertRate(value).build();
    }

    /** Collects values for a {@link FusionConfig}, starting from the defaults; not thread-safe. */
    public static final class Builder {
        private FusionMode mode = FusionMode.ATTENTION;
        private DetectionHead head = DetectionHead.AUTOENCODER;
        private int embeddingSize = 24;
        private int hiddenSize = 64;
        private int fusedSize = 16;
        private int historySteps = 8;
        private int recentLimit = 20;
        private double modalityDropout = 0.25;
        private int epochs = 10;
        private int batchSize = 128;
        private double learningRate = 1e-3;
        private double l2 = 1e-5;
        private double targetAlertRate = 0.01;
        private double heldOutShare = 0.25;
        private boolean trainOnNormalOnly = true;
        private long seed = 1;

        /** A builder holding the defaults. */
        public Builder() {}

        private Builder(FusionConfig config) {
            mode = config.mode;
            head = config.head;
            embeddingSize = config.embeddingSize;
            hiddenSize = config.hiddenSize;
            fusedSize = config.fusedSize;
            historySteps = config.historySteps;
            recentLimit = config.recentLimit;
            modalityDropout = config.modalityDropout;
            epochs = config.epochs;
            batchSize = config.batchSize;
            learningRate = config.learningRate;
            l2 = config.l2;
            targetAlertRate = config.targetAlertRate;
            heldOutShare = config.heldOutShare;
            trainOnNormalOnly = config.trainOnNormalOnly;
            seed = config.seed;
        }

        public Builder mode(FusionMode value) {
            mode = value;
            return this;
        }

        public Builder head(DetectionHead value) {
            head = value;
            return this;
        }

        public Builder embeddingSize(int value) {
            embeddingSize = value;
            return this;
        }

        public Builder hiddenSize(int value) {
            hiddenSize = value;
            return this;
        }

        public Builder fusedSize(int value) {
            fusedSize = value;
            return this;
        }

        public Builder historySteps(int value) {
            historySteps = value;
            return this;
        }

        public Builder modalityDropout(double value) {
            modalityDropout = value;
            return this;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder recentLimit(int value) {
            recentLimit = value;
            return this;
        }

        public Builder l2(double value) {
            l2 = value;
            return this;
        }

        public Builder heldOutShare(double value) {
            heldOutShare = value;
            return this;
        }

        public Builder targetAlertRate(double value) {
            targetAlertRate = value;
            return this;
        }

        public Builder trainOnNormalOnly(boolean value) {
            trainOnNormalOnly = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** The configuration, checked. */
        public FusionConfig build() {
            return new FusionConfig(
                    mode,
                    head,
                    embeddingSize,
                    hiddenSize,
                    fusedSize,
                    historySteps,
                    recentLimit,
                    modalityDropout,
                    epochs,
                    batchSize,
                    learningRate,
                    l2,
                    targetAlertRate,
                    heldOutShare,
                    trainOnNormalOnly,
                    seed);
        }
    }
}
