package io.polygraph.eval.run;

import io.polygraph.train.AutoencoderConfig;
import io.polygraph.unsupervised.SelectionConfig;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The protocol and detector settings of {@link TabularExperiment}: how the labelled rows are split,
 * where the threshold lies, and the size of each detector.
 *
 * <p>Example: {@code TabularConfig.defaults().withTargetAlertRate(0.02)}. The autoencoder is not a
 * setting: its size follows the number of feature columns ({@link #autoencoderFor}), so one command
 * works on a table of 6 columns and on one of 300.
 *
 * @param testShare share of each label's rows held out for testing, in (0, 1)
 * @param targetAlertRate share of the training rows each detector's threshold flags, in (0, 1);
 *     empty: the share of anomalies among the training rows (see {@link TabularExperiment})
 * @param selection DUAD's schedule; its components are capped by the training rows (see {@link
 *     #selectionFor}), its seed replaced by each run's
 * @param pcaVarianceShare share of the training variance the PCA components must explain
 * @param pcaMaxComponents the most PCA components kept, whatever the share
 */
public record TabularConfig(
        double testShare,
        OptionalDouble targetAlertRate,
        SelectionConfig selection,
        double pcaVarianceShare,
        int pcaMaxComponents) {

    /** Widest first hidden layer of the autoencoder. */
    static final int MAX_HIDDEN = 128;

    /** Widest autoencoder bottleneck. */
    static final int MAX_BOTTLENECK = 16;

    /** Training rows per mixture component, at least, in DUAD's clusterings. */
    static final int ROWS_PER_COMPONENT = 10;

    public TabularConfig {
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("testShare must be in (0, 1): " + testShare);
        }
        Objects.requireNonNull(targetAlertRate, "targetAlertRate");
        targetAlertRate.ifPresent(
                rate -> {
                    if (!(rate > 0 && rate < 1)) {
                        throw new IllegalArgumentException(
                                "targetAlertRate must be in (0, 1): " + rate);
                    }
                });
        Objects.requireNonNull(selection, "selection");
        if (!(pcaVarianceShare > 0 && pcaVarianceShare <= 1)) {
            throw new IllegalArgumentException(
                    "pcaVarianceShare must be in (0, 1]: " + pcaVarianceShare);
        }
        if (pcaMaxComponents < 1) {
            throw new IllegalArgumentException(
                    "pcaMaxComponents must be >= 1: " + pcaMaxComponents);
        }
    }

    /**
     * Half the rows of each label for testing; the threshold at the training rows' anomaly share;
     * DUAD with the paper's schedule ({@link SelectionConfig#defaults()}: 20 components, p0 35 %, p
     * 30 %, 10 epochs a round, at most 10 rounds); PCA to 90 % of the variance, at most 64
     * components (as the world baselines). Half, not the more usual 70 %, for training, because
     * public anomaly tables often hold only a few dozen anomalies: the test half then still has
     * enough of each type for a per-type recall and a stable AUPRC, and the unsupervised detectors
     * need no labels from the training half anyway.
     */
    public static TabularConfig defaults() {
        return new TabularConfig(0.5, OptionalDouble.empty(), SelectionConfig.defaults(), 0.9, 64);
    }

    /** This configuration with a fixed share of training rows to flag. */
    public TabularConfig withTargetAlertRate(double value) {
        return new TabularConfig(
                testShare, OptionalDouble.of(value), selection, pcaVarianceShare, pcaMaxComponents);
    }

    /** This configuration with another share of test rows. */
    public TabularConfig withTestShare(double value) {
        return new TabularConfig(
                value, targetAlertRate, selection, pcaVarianceShare, pcaMaxComponents);
    }

    /** This configuration with another DUAD schedule. */
    public TabularConfig withSelection(SelectionConfig value) {
        return new TabularConfig(
                testShare, targetAlertRate, value, pcaVarianceShare, pcaMaxComponents);
    }

    /**
     * The autoencoder of both the plain and the DUAD detector for {@code width} feature columns:
     * {@code d -> h1 -> h2 -> b -> h2 -> h1 -> d} with {@code h1 = clamp(d, 16, 128)}, {@code h2 =
     * clamp(d / 2, 8, 64)} and {@code b = clamp(ceil(d / 4), 1, 16)}; batches of 64 rows, Adam
     * 1e-3, no dropout, L2 1e-5, as the other experiments' autoencoders. The bottleneck is what
     * makes the network compress (it is below {@code d} for every {@code d >= 2}); the hidden
     * layers may be wider than a narrow input, which costs little and lets the network bend. The
     * caps keep a wide table (hundreds of one-hot columns) trainable on a CPU in minutes; they
     * match the MNIST autoencoder's first layer ({@link
     * ContaminationExperiment#DEFAULT_AUTOENCODER}).
     */
    public static AutoencoderConfig autoencoderFor(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1: " + width);
        }
        int first = clamp(width, 16, MAX_HIDDEN);
        int second = clamp(width / 2, 8, MAX_HIDDEN / 2);
        int bottleneck = clamp((width + 3) / 4, 1, MAX_BOTTLENECK);
        return new AutoencoderConfig(List.of(first, second), bottleneck, 64, 1e-3, 0.0, 1e-5, 0);
    }

    /**
     * DUAD's schedule for {@code trainingRows} rows and seed {@code seed}: the configured number of
     * mixture components, but no more than one per {@value #ROWS_PER_COMPONENT} rows, since a
     * mixture of many components on few rows leaves clusters of one row, which the selection never
     * keeps.
     */
    SelectionConfig selectionFor(int trainingRows, long seed) {
        int components =
                Math.max(1, Math.min(selection.components(), trainingRows / ROWS_PER_COMPONENT));
        return selection.withComponents(components).withSeed(seed);
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
