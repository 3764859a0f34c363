package io.polygraph.train;

import java.util.List;
import java.util.Objects;

/**
 * Architecture and optimiser of a dense autoencoder ({@link AutoencoderTrainer}).
 *
 * <p>The encoder is {@code d -> hidden[0] -> ... -> hidden[n-1] -> bottleneck}, the decoder its
 * mirror {@code bottleneck -> hidden[n-1] -> ... -> hidden[0] -> d}; hidden layers are ReLU with
 * dropout, the bottleneck and the output are linear. The number of epochs is not part of the
 * configuration: it is given to each {@link AutoencoderTrainer#train} call, because DUAD trains the
 * same network in rounds of r epochs on changing subsets. Example: {@code new
 * AutoencoderConfig(List.of(64, 32), 8, 64, 1e-3, 0.1, 1e-5, 7)}.
 *
 * @param hidden widths of the encoder's hidden layers, outermost first (may be empty)
 * @param bottleneck width of the code z_c
 * @param batchSize rows per Adam step
 * @param learningRate Adam's learning rate
 * @param dropout probability of dropping a hidden unit while training
 * @param l2 L2 regularisation coefficient of all weights
 * @param seed root of the weight initialisation, the batch order and the dropout masks
 */
public record AutoencoderConfig(
        List<Integer> hidden,
        int bottleneck,
        int batchSize,
        double learningRate,
        double dropout,
        double l2,
        long seed) {

    public AutoencoderConfig {
        hidden = List.copyOf(Objects.requireNonNull(hidden, "hidden"));
        for (int width : hidden) {
            ConfigChecks.atLeast("hidden layer width", width, 1);
        }
        ConfigChecks.atLeast("bottleneck", bottleneck, 1);
        ConfigChecks.atLeast("batchSize", batchSize, 2);
        ConfigChecks.open("learningRate", learningRate, 0, 1);
        ConfigChecks.closed("dropout", dropout, 0, 0.9);
        ConfigChecks.closed("l2", l2, 0, 1);
    }

    /** This configuration with another seed. */
    public AutoencoderConfig withSeed(long value) {
        return new AutoencoderConfig(
                hidden, bottleneck, batchSize, learningRate, dropout, l2, value);
    }

    /** Widths of the dropout masks: each encoder hidden layer, then each decoder hidden layer. */
    int[] dropWidths() {
        int n = hidden.size();
        int[] widths = new int[2 * n];
        for (int i = 0; i < n; i++) {
            widths[i] = hidden.get(i);
            widths[2 * n - 1 - i] = hidden.get(i);
        }
        return widths;
    }
}
