package io.polygraph.gan;

import java.util.Objects;

/**
 * A training run diverged ({@link DivergenceCheck}): a loss or the trained model's scores stopped
 * being numbers one can rank by, so the model must not be saved or evaluated.
 *
 * <p>An {@link IllegalStateException} because the inputs were acceptable and the run itself went
 * wrong; callers that compare many runs catch this type alone and report the run as failed, while
 * every other exception stays a bug or a bad input. The message holds the model, the part and the
 * value, never training data.
 */
public final class TrainingDivergedException extends IllegalStateException {

    /** The {@link #player()} of a divergence found in the trained model's raw scores. */
    public static final String SCORES = "raw scores";

    private static final long serialVersionUID = 1L;

    private final String model;
    private final String player;
    private final int epoch;
    private final double value;

    /**
     * @param model the model being trained, e.g. {@code "mmoc"} or {@code "mmoc target"}
     * @param player the loss name of the player that diverged, or {@link #SCORES}
     * @param epoch the 1-based epoch it diverged in, 0 when found after training
     * @param value the offending value
     * @param reason what was wrong, completing "training diverged: model player ..."
     */
    TrainingDivergedException(String model, String player, int epoch, double value, String reason) {
        super("training diverged: " + model + " " + player + " " + reason);
        this.model = Objects.requireNonNull(model, "model");
        this.player = Objects.requireNonNull(player, "player");
        this.epoch = epoch;
        this.value = value;
    }

    /** The model being trained. */
    public String model() {
        return model;
    }

    /** The loss name of the player whose loss diverged, or {@link #SCORES}. */
    public String player() {
        return player;
    }

    /** The 1-based epoch of the divergence; 0 when it was found in the trained model's scores. */
    public int epoch() {
        return epoch;
    }

    /** The offending value: a non-finite loss or score, or the one value all scores share. */
    public double value() {
        return value;
    }
}
