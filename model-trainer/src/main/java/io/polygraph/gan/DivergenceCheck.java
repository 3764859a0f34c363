package io.polygraph.gan;

import java.util.List;

/**
 * When a training run has diverged: the rule the GAN trainers and the row-model detector training
 * apply, throwing {@link TrainingDivergedException}.
 *
 * <p>The rule, and why each part is what it is:
 *
 * <ol>
 *   <li>A player's mean loss over an epoch that is NaN or infinite: the run has diverged at that
 *       epoch. Once one batch's loss is not finite, Adam's moments and so every later weight of
 *       that player are NaN (or the loss's domain was left, as log of a negative number), and no
 *       later epoch can recover; checking the epoch mean catches any such batch, and checking at
 *       the end of each epoch stops the run there rather than after the remaining epochs.
 *   <li>A trained model whose raw scores on its own training rows are not all finite: the scores
 *       neither rank records nor calibrate to a threshold.
 *   <li>A trained model whose raw scores on its training rows are all equal: the model ranks
 *       nothing, so any threshold flags every record or none (a discriminator saturated to one
 *       output does this while its losses stay finite).
 * </ol>
 *
 * <p>No rule on the size of a finite loss: an adversarial loss is not meant to fall steadily (the
 * players' losses trade off), and no threshold on it would be justified by anything measured here.
 * A loss that explodes ends in one of the states above, where it is caught.
 */
public final class DivergenceCheck {

    private DivergenceCheck() {}

    /**
     * Checks every player's mean loss of {@code epoch}.
     *
     * @param players the players, in the order of {@code means}' rows
     * @param means per player, the mean loss of each epoch so far (index {@code epoch - 1} read)
     * @throws TrainingDivergedException naming the first player whose mean is not finite
     */
    public static void epochLosses(
            String model, List<Player> players, double[][] means, int epoch) {
        for (int p = 0; p < players.size(); p++) {
            double mean = means[p][epoch - 1];
            if (!Double.isFinite(mean)) {
                throw new TrainingDivergedException(
                        model,
                        players.get(p).lossName(),
                        epoch,
                        mean,
                        "epoch " + epoch + " loss " + mean);
            }
        }
    }

    /**
     * Checks a trained model's raw scores on its training rows: all finite, not all equal.
     *
     * @throws TrainingDivergedException naming the first non-finite score's row, or the shared
     *     value
     */
    public static void trainingScores(String model, double[] scores) {
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new TrainingDivergedException(
                        model,
                        TrainingDivergedException.SCORES,
                        0,
                        scores[i],
                        scores[i] + " on training row " + i + " of " + scores.length);
            }
        }
        // One row cannot be ranked against another, so only two or more can be all equal.
        if (scores.length > 1 && allEqual(scores)) {
            throw new TrainingDivergedException(
                    model,
                    TrainingDivergedException.SCORES,
                    0,
                    scores[0],
                    "all equal "
                            + scores[0]
                            + " on "
                            + scores.length
                            + " training rows (nothing to rank by)");
        }
    }

    /**
     * Checks values a trainer computed from the trained networks (latent codes, say) before it fits
     * anything to them.
     *
     * @param what what the values are, for the message
     * @throws TrainingDivergedException naming the first row with a value that is not finite
     */
    public static void finiteOutputs(String model, String what, double[][] rows) {
        for (int i = 0; i < rows.length; i++) {
            for (double value : rows[i]) {
                if (!Double.isFinite(value)) {
                    throw new TrainingDivergedException(
                            model,
                            what,
                            0,
                            value,
                            value + " on training row " + i + " of " + rows.length);
                }
            }
        }
    }

    private static boolean allEqual(double[] scores) {
        for (double score : scores) {
            if (score != scores[0]) {
                return false;
            }
        }
        return true;
    }
}
